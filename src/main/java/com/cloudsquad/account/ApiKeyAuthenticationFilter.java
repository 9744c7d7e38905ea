package com.cloudsquad.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} requests by API key only ({@code Authorization: Bearer csq_…} or
 * {@code X-API-Key}); the session cookie is never looked at. Answers 401/429 as problem details.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_ROLE = "ROLE_API";

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeys.ApiKey> key = keys.authenticate(presentedKey(request));
        if (key.isEmpty()) {
            problem(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Missing or invalid API key",
                    "Send an API key created by an admin as 'Authorization: Bearer csq_…'.");
            return;
        }
        if (!keys.tryAcquire(key.get().id())) {
            response.setHeader("Retry-After", String.valueOf(keys.secondsToNextWindow()));
            problem(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Rate limit reached",
                    "This key may make " + ApiKeys.REQUESTS_PER_MINUTE + " requests per minute.");
            return;
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                "api-key:" + key.get().prefix() + " (" + key.get().name() + ")",
                null,
                List.of(new SimpleGrantedAuthority(API_ROLE)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return request.getHeader("X-API-Key");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
