/**
 * Casework stage: the steps of verification and closing (register, triage by the decision tables,
 * duplicates, corrections, replies, outcome and its review). Uses the case file, the process
 * contract, mail, registry, intake, security and common.
 */
package org.qinglang.casework;
