/**
 * The case itself: the complaint, its evidence, stage and outcome, and the facts later decisions
 * trust (triage result, deadlines, who decided, who moved it). Uses only common; every stage uses
 * it.
 */
package org.qinglang.casefile;
