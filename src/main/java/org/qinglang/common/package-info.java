/**
 * Helpers every package may use: the engine clock, message bundles, SHA-256, file names, form
 * copies of long texts, rule refusals (as messages of the bundles), how a text kept in both
 * languages reads in one, the mark of methods models may call. Uses nothing of ours.
 */
package org.qinglang.common;
