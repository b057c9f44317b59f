package org.qinglang.process;

/** A reply or response arrived for a case that is not waiting for one. */
public class CaseNotAwaitingException extends RuntimeException {

    public CaseNotAwaitingException(String caseNumber, String what) {
        super("case " + caseNumber + " is not waiting for " + what);
    }
}
