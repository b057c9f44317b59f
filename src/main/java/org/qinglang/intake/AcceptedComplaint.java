package org.qinglang.intake;

/** What a complainant gets back: the case number and the private link token to follow it. */
public record AcceptedComplaint(String caseNumber, String statusToken, boolean alreadyReceived) {
}
