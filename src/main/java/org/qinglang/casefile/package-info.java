/**
 * The case itself: the complaint, its evidence, stage and outcome, the facts later decisions trust
 * (triage result, deadlines, who decided, who moved it), internal notes, and the search over cases.
 * Uses only common; every stage uses it.
 */
package org.qinglang.casefile;
