package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class LoginIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unknownEmailAndWrongPasswordGiveTheSameMessage() {
        String email = uniqueEmail("same");
        new WebSession(port).register(email, "Sam");

        String wrongPassword = loginPageAfterFailure(email, "not my password");
        String unknownEmail = loginPageAfterFailure(uniqueEmail("nobody"), "not my password");

        assertThat(wrongPassword).contains("Email or password is incorrect.");
        assertThat(unknownEmail).contains("Email or password is incorrect.");
    }

    @Test
    void theEmailTypedIsKeptAfterAFailedLogin() {
        String email = uniqueEmail("keep");
        assertThat(loginPageAfterFailure(email, "whatever password")).contains("value=\"" + email + "\"");
    }

    @Test
    void loginIsCaseInsensitiveOnTheEmail() {
        String email = uniqueEmail("mixed");
        new WebSession(port).register(email, "Max");

        WebSession browser = new WebSession(port);
        HttpResponse<String> login = browser.logIn(email.toUpperCase(), PASSWORD);

        assertThat(WebSession.location(login)).isEqualTo("/");
        assertThat(browser.get("/").body()).contains(">Max</a>");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String email = uniqueEmail("locked");
        new WebSession(port).register(email, "Lou");

        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(loginPageAfterFailure(email, "wrong " + i)).contains("Email or password is incorrect.");
        }
        WebSession browser = new WebSession(port);
        HttpResponse<String> rightPassword = browser.logIn(email, PASSWORD);

        assertThat(WebSession.location(rightPassword)).isEqualTo("/login");
        assertThat(browser.get("/login").body())
                .contains("Too many failed logins for this account. Try again in 15 minute(s).");
        assertThat(browser.get("/profile").statusCode()).as("not logged in").isEqualTo(302);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String email = uniqueEmail("clear");
        new WebSession(port).register(email, "Cal");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            loginPageAfterFailure(email, "wrong " + i);
        }
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/");

        loginPageAfterFailure(email, "one more typo");
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/");
    }

    @Test
    void theLockLiftsWhenTheFailuresLeaveTheFifteenMinuteWindow() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        String key = uniqueEmail("window");
        LoginThrottle atStart = new LoginThrottle(jdbc, Clock.fixed(start, ZoneOffset.UTC));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            atStart.recordFailure(key);
        }

        assertThat(atStart.lockedFor(key)).hasValue(Duration.ofMinutes(15));
        assertThat(throttleAt(start.plus(Duration.ofMinutes(10))).lockedFor(key))
                .hasValue(Duration.ofMinutes(5));
        assertThat(throttleAt(start.plus(Duration.ofMinutes(15).plusSeconds(1))).lockedFor(key))
                .isEmpty();
    }

    @Test
    void failuresOfOneAccountDoNotLockAnother() {
        String victim = uniqueEmail("victim");
        String other = uniqueEmail("other");
        new WebSession(port).register(other, "Oli");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES + 1; i++) {
            loginPageAfterFailure(victim, "guess " + i);
        }

        assertThat(WebSession.location(new WebSession(port).logIn(other, PASSWORD)))
                .isEqualTo("/");
    }

    private LoginThrottle throttleAt(Instant now) {
        return new LoginThrottle(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String loginPageAfterFailure(String email, String password) {
        WebSession browser = new WebSession(port);
        HttpResponse<String> failed = browser.logIn(email, password);
        assertThat(WebSession.location(failed)).isEqualTo("/login");
        return browser.get("/login").body();
    }
}
