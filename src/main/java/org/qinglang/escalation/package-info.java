/**
 * Escalation stage: missed deadlines, the supervisors' enforcement decision and its application,
 * the decision document (处置决定书, PDF) and the statement of reasons, measures against the platform,
 * objections of account holders, police referral (packages, answers, reminders), overdue
 * verification alerts. Uses mail, registry, the case file, the process contract, security and common.
 */
package org.qinglang.escalation;
