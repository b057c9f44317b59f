/**
 * Outgoing mail: notices and answers with signed Message-IDs, the register of sent mail, the outbox
 * for mail nothing waits for, SMTP connections and the embedded mail server. Uses the case file,
 * the process contract, registry, security, operations and common.
 */
package org.qinglang.mail;
