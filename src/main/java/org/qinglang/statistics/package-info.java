/**
 * Transparency statistics published on the site. Uses nothing of ours.
 */
package org.qinglang.statistics;
