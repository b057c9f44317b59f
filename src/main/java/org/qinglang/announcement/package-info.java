/**
 * Announcement stage: the four-eyes approval and publication of typical cases on the exposure
 * board. Uses the case file, the process contract and common.
 */
package org.qinglang.announcement;
