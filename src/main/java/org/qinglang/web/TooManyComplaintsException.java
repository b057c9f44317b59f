package org.qinglang.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyComplaintsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyComplaintsException(long retryAfterSeconds) {
        super("too many complaints from this address; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
