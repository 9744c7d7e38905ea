package com.cloudsquad.exam;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such attempt, or not one this user may see: both answer 404, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class AttemptNotFoundException extends RuntimeException {

    AttemptNotFoundException(long attemptId) {
        super("No attempt " + attemptId);
    }
}
