/**
 * Casework stage: the steps of verification and closing (register, recording triage and reading
 * decision results, duplicates, corrections, replies and the platform's report on each measure,
 * outcome, its review and reopening). Uses the case file, the process
 * contract, mail, registry, intake, security and common.
 */
package org.qinglang.casework;
