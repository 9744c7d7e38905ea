package com.cloudsquad.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * An htmx request whose session has expired: tell htmx to load the login page as a whole page
 * (HX-Redirect) instead of following a 302 and swapping the login form into a fragment.
 */
class HtmxLoginRedirect implements AuthenticationEntryPoint {

    private final String loginPath;

    HtmxLoginRedirect(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        response.setHeader("HX-Redirect", request.getContextPath() + loginPath);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
