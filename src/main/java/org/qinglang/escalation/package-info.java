/**
 * Escalation stage: missed deadlines, the supervisors' enforcement decision and its application,
 * police referral, overdue verification alerts. Uses mail, registry, the case file, the process
 * contract and common.
 */
package org.qinglang.escalation;
