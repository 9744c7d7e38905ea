package com.cloudsquad.bank.api;

import com.cloudsquad.bank.QuestionNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as problem details (RFC 9457), never an HTML error page. */
@RestControllerAdvice(assignableTypes = QuestionApiController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(QuestionNotFoundException.class)
    ProblemDetail notFound(QuestionNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
