package com.cloudsquad.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What a login try carries besides email and password: the client address and the device cookie. */
class LoginDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    private final transient String deviceToken;

    LoginDetails(HttpServletRequest request) {
        super(request);
        this.deviceToken = LoginDevices.tokenOf(request).orElse(null);
    }

    String deviceToken() {
        return deviceToken;
    }
}
