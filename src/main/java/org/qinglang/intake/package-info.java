/**
 * Intake stage: turns a complaint from the form, the API or a mail into a case file and starts its
 * process (case numbers, the intake rules, acknowledgement queueing). Uses the case file, the
 * process contract, registry, security, operations and common.
 */
package org.qinglang.intake;
