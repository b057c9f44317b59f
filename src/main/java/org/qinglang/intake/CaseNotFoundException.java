package org.qinglang.intake;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("no case " + caseNumber);
    }
}
