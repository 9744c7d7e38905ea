package com.cloudsquad.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A report on a question the candidate did not see with its answer: not their attempt, no such
 * position, or a question of a test still running. Answered as not found, so attempt ids of other
 * candidates reveal nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReportNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReportNotAllowedException() {
        super("No question you can report there.");
    }
}
