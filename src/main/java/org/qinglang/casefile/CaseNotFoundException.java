package org.qinglang.casefile;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("no case " + caseNumber);
    }
}
