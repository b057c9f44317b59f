/**
 * Pages and APIs: the public complaint form, status and platform-response pages, the exposure board
 * and statistics, the complaint API and the engine API's error answers. Uses the stages and the
 * case file; nothing uses it.
 */
package org.qinglang.web;
