package com.cloudsquad.bank.api;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An API error answered as RFC 9457 problem details. */
class ApiProblem extends ErrorResponseException {

    ApiProblem(HttpStatusCode status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    ApiProblem(ProblemDetail problem) {
        super(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
    }
}
