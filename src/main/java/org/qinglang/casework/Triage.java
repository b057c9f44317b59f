package org.qinglang.casework;

/** The result of the triage decisions: how serious, how fast, and which office handles it. */
public record Triage(String severity, boolean criminalLead, String responsibleOffice, String rectificationDeadline,
        String reminderBefore, String verificationSla) {
}
