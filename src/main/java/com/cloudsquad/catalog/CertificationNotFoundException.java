package com.cloudsquad.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No certification by that id or code: the page answers 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CertificationNotFoundException extends RuntimeException {

    CertificationNotFoundException(long id) {
        super("No certification " + id);
    }

    public CertificationNotFoundException(String code) {
        super("No certification " + code);
    }
}
