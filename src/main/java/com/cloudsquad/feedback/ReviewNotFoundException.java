package com.cloudsquad.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No review with that id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReviewNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReviewNotFoundException() {
        super("No such review.");
    }
}
