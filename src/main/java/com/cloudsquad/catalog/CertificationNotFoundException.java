package com.cloudsquad.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class CertificationNotFoundException extends RuntimeException {

    CertificationNotFoundException(long id) {
        super("No certification " + id);
    }
}
