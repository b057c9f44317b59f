package org.qinglang.inbox;

/** A message that cannot become a complaint; the reason key names a text of the reply. */
public class UnreadableMailException extends Exception {

    public enum Reason {
        NO_SENDER,
        BROKEN_MIME,
        UNKNOWN_CHARSET,
        EMPTY,
        TOO_LARGE,
        NO_LINK
    }

    private final Reason reason;

    public UnreadableMailException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
