package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

class DatabaseUnavailableTests {

    final ITemplateEngine templates = mock(ITemplateEngine.class);
    final DatabaseUnavailable.DatabaseUnavailableFilter filter =
            new DatabaseUnavailable.DatabaseUnavailableFilter(templates, "CLOUDSQUAD_SESSION");

    @Test
    void connectionFailuresCountAsTheDatabaseBeingAwayWhereverTheyAreWrapped() {
        SQLTransientConnectionException poolTimeout =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(poolTimeout)).isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(
                        new ServletException(new CannotGetJdbcConnectionException("no connection", poolTimeout))))
                .isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(
                        new CannotCreateTransactionException("no transaction", poolTimeout)))
                .isTrue();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(
                        new IllegalStateException(new SQLException("Communications link failure", "08S01"))))
                .isTrue();

        assertThat(DatabaseUnavailable.isDatabaseUnavailable(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.isDatabaseUnavailable(
                        new DataIntegrityViolationException("duplicate", new SQLException("Duplicate entry", "23000"))))
                .isFalse();
    }

    @Test
    void aPageGets503WithRetryAfterAndTheFriendlyPage() throws Exception {
        when(templates.process(eq("error/503"), any(IContext.class))).thenReturn("<html>back in a moment</html>");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/attempts/5/q/2");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, failing(new CannotGetJdbcConnectionException("down")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).isEqualTo("<html>back in a moment</html>");
    }

    @Test
    void anHtmxRequestGetsAShortFragment() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/attempts/5/q/2/answer");
        request.addHeader("HX-Request", "true");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, failing(new CannotCreateTransactionException("down")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString())
                .contains("cannot reach its database")
                .doesNotContain("<html");
    }

    @Test
    void otherFailuresAreLeftToTheUsualErrorHandling() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/exams");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> filter.doFilter(request, response, failing(new IllegalStateException("a bug"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void staticFilesGoOnWithoutTheSessionCookieSoTheyNeverReadTheDatabase() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assets/css/app.css");
        request.setCookies(
                new jakarta.servlet.http.Cookie("CLOUDSQUAD_SESSION", "abc"),
                new jakarta.servlet.http.Cookie("XSRF", "t"));
        java.util.List<String> seen = new java.util.ArrayList<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            for (var cookie : ((jakarta.servlet.http.HttpServletRequest) req).getCookies()) {
                seen.add(cookie.getName());
            }
        });

        assertThat(seen).containsExactly("XSRF");
    }

    static FilterChain failing(RuntimeException failure) {
        return (request, response) -> {
            throw failure;
        };
    }
}
