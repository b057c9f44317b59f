/**
 * Platform notice stage: the formal notice to the hosting platform, its rectification schedule and
 * reminder. Uses mail, registry, the case file, the process contract and common.
 */
package org.qinglang.notice;
