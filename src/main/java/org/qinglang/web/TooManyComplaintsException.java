package org.qinglang.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyComplaintsException extends RuntimeException {

    public TooManyComplaintsException() {
        super("too many complaints from this address; try again later");
    }
}
