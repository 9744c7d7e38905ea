package com.cloudsquad.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * When the database is away (stopped, failing over, unreachable) every request that needs it
 * answers at once with 503 and {@code Retry-After}: a friendly page, a short fragment for htmx
 * requests (the page script retries an unsaved answer), never a stack trace. Any request may meet
 * it first in the session store, the security filters or a controller, so this sits outside all of
 * them (inside the request id, so the log line has it) and renders without touching the database.
 * How fast "at once" is comes from the pool and driver timeouts in application.properties.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    /** Seconds a client is asked to wait: about how long a restart or failover of the database takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    static final String HTMX_MESSAGE =
            "<p class=\"form-error\" role=\"alert\" data-testid=\"database-unavailable\">Cloud Squad cannot reach"
                    + " its database just now, so this was not saved. Please try again in a moment.</p>";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            ITemplateEngine templates, @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(templates, sessionCookie));
        // after the request id filter (HIGHEST_PRECEDENCE + 10), before Spring Session's (MIN_VALUE + 50)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** True when {@code failure} (or anything it wraps) says the database could not be reached. */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
                    || t instanceof SQLRecoverableException // Connector/J: the link to the server broke
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    static final class DatabaseUnavailableFilter extends OncePerRequestFilter {

        private final ITemplateEngine templates;
        private final String sessionCookie;

        DatabaseUnavailableFilter(ITemplateEngine templates, String sessionCookie) {
            this.templates = templates;
            this.sessionCookie = sessionCookie;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(isStaticFile(request) ? withoutSession(request) : request, response);
            } catch (ServletException | IOException | RuntimeException failure) {
                if (!isDatabaseUnavailable(failure) || response.isCommitted()) {
                    throw failure;
                }
                log.warn(
                        "Database unavailable: {} {} answered 503 ({})",
                        request.getMethod(),
                        request.getRequestURI(),
                        rootMessage(failure));
                respond(request, response);
            }
        }

        private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType("application/json");
                response.getWriter()
                        .write("{\"status\":503,\"error\":\"The database is unavailable. Retry in a moment.\"}");
                return;
            }
            response.setContentType("text/html;charset=UTF-8");
            if (request.getHeader("HX-Request") != null) {
                response.getWriter().write(HTMX_MESSAGE);
                return;
            }
            String page;
            try {
                WebContext context = new WebContext(
                        JakartaServletWebApplication.buildApplication(request.getServletContext())
                                .buildExchange(request, response),
                        request.getLocale(),
                        Map.of("status", 503));
                page = templates.process("error/503", context);
            } catch (RuntimeException renderingFailed) {
                log.warn("The 503 page could not be rendered; answering plain text", renderingFailed);
                page = "<!DOCTYPE html><html lang=\"en\"><title>Cloud Squad</title><h1>Cloud Squad is unavailable"
                        + " for a moment</h1><p>Please try again in a few seconds.</p></html>";
            }
            response.getWriter().write(page);
        }

        private static boolean isStaticFile(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/assets/") || path.startsWith("/webjars/");
        }

        /**
         * Static files need no session, but the filters after this one (the logged-in account for
         * the log line) would read it, from the database: the 503 page would come without its
         * stylesheet. Their requests go on as if the browser had sent no session cookie.
         */
        private HttpServletRequest withoutSession(HttpServletRequest request) {
            return new HttpServletRequestWrapper(request) {
                @Override
                public Cookie[] getCookies() {
                    Cookie[] cookies = super.getCookies();
                    return cookies == null
                            ? null
                            : Arrays.stream(cookies)
                                    .filter(c -> !sessionCookie.equals(c.getName()))
                                    .toArray(Cookie[]::new);
                }
            };
        }

        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
