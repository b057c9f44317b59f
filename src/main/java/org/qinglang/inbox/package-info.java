/**
 * Incoming mail: watches the intake mailbox, parses each message, and turns it into a complaint or
 * a reply proven by our signed Message-ID, or quarantines or answers it. Uses intake, casework,
 * mail, registry, the case file, the process contract and common.
 */
package org.qinglang.inbox;
