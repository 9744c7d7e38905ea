package com.cloudsquad.analysis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No report this user may see: someone else's attempt, or none at all. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReportNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReportNotFoundException(long attemptId) {
        super("No analysis for attempt " + attemptId);
    }
}
