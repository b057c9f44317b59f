package org.qinglang.intake;

/** A complaint that cannot be accepted as submitted; names the field at fault. */
public class InvalidComplaintException extends RuntimeException {

    private final String field;

    public InvalidComplaintException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
