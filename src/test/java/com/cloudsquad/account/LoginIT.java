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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class LoginIT {

    static final String WRONG = "Email or password is incorrect.";

    @Autowired
    com.cloudsquad.support.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accountService;

    @Test
    void unknownEmailAndWrongPasswordGiveTheSameMessage() {
        String email = uniqueEmail("same");
        new WebSession(port).register(email, "Sam");

        String wrongPassword = loginPageAfterFailure(email, "not my password");
        String unknownEmail = loginPageAfterFailure(uniqueEmail("nobody"), "not my password");

        assertThat(wrongPassword).contains(WRONG);
        assertThat(unknownEmail).contains(WRONG);
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
    void afterFiveFailuresEvenTheRightPasswordWaitsThirtySeconds() {
        String email = uniqueEmail("locked");
        new WebSession(port).register(email, "Lou");

        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            assertThat(loginPageAfterFailure(email, "wrong " + i)).contains(WRONG);
        }
        WebSession browser = new WebSession(port);
        HttpResponse<String> rightPassword = browser.logIn(email, PASSWORD);

        assertThat(WebSession.location(rightPassword)).isEqualTo("/login");
        assertThat(browser.get("/login").body())
                .contains("Too many failed logins for this account. Try again in 30 seconds.");
        assertThat(browser.get("/profile").statusCode()).as("not logged in").isEqualTo(302);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String email = uniqueEmail("clear");
        new WebSession(port).register(email, "Cal");
        for (int i = 0; i < LoginThrottle.FREE_TRIES - 1; i++) {
            loginPageAfterFailure(email, "wrong " + i);
        }
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/");

        loginPageAfterFailure(email, "one more typo");
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/");
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutesAndIsForgottenAfterADay() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        String key = "account:" + uniqueEmail("backoff");
        for (int i = 0; i < LoginThrottle.FREE_TRIES; i++) {
            assertThat(throttleAt(start).claim(key)).as("free try " + i).isEmpty();
        }
        assertThat(throttleAt(start).claim(key)).hasValue(Duration.ofSeconds(30));
        assertThat(throttleAt(start.plusSeconds(29)).claim(key)).hasValue(Duration.ofSeconds(1));

        Instant t = start.plusSeconds(30);
        assertThat(throttleAt(t).claim(key)).as("sixth try after the wait").isEmpty();
        assertThat(throttleAt(t).claim(key)).hasValue(Duration.ofSeconds(60));
        assertThat(LoginThrottle.delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginThrottle.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginThrottle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));

        Instant nextDay = t.plus(Duration.ofHours(25));
        assertThat(throttleAt(nextDay).claim(key)).isEmpty();
        assertThat(throttleAt(nextDay).claim(key)).as("counting starts afresh").isEmpty();
    }

    @Test
    void twentyFourParallelLoginsGetOnlyFivePasswordChecksAndTheRightPasswordAfterwardsWaits() throws Exception {
        String email = uniqueEmail("parallel");
        new WebSession(port).register(email, "Pat");
        int tries = 24;
        List<WebSession> browsers = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            WebSession browser = new WebSession(port);
            browser.get("/login");
            browsers.add(browser);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            WebSession browser = browsers.get(i);
            String password = "wrong guess " + i;
            results.add(pool.submit(() -> {
                start.await();
                return browser.post("/login", java.util.Map.of("email", email, "password", password));
            }));
        }
        start.countDown();
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < tries; i++) {
            HttpResponse<String> response = results.get(i).get();
            assertThat(response.statusCode()).as("no 500, no deadlock").isEqualTo(302);
            String page = browsers.get(i).get("/login").body();
            if (page.contains(WRONG)) {
                checked++;
            } else if (page.contains("Too many failed logins for this account")) {
                throttled++;
            }
        }
        pool.shutdown();

        assertThat(checked).as("password checks").isEqualTo(LoginThrottle.FREE_TRIES);
        assertThat(throttled).isEqualTo(tries - LoginThrottle.FREE_TRIES);
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .as("the right password after the limit")
                .isEqualTo("/login");
    }

    @Test
    void aStrangerCannotLockTheOwnerOutOfABrowserTheyUsedBefore() {
        String email = uniqueEmail("owner");
        WebSession owner = new WebSession(port);
        owner.register(email, "Owen"); // logs in: this browser is now known for the account
        owner.logOut();

        for (int i = 0; i < 8; i++) {
            new WebSession(port).logIn(email, "stranger guess " + i);
        }
        WebSession newBrowser = new WebSession(port);
        assertThat(WebSession.location(newBrowser.logIn(email, PASSWORD))).isEqualTo("/login");
        assertThat(newBrowser.get("/login").body()).contains("Too many failed logins for this account");

        assertThat(WebSession.location(owner.logIn(email, PASSWORD)))
                .as("the owner's browser has its own count")
                .isEqualTo("/");
    }

    @Test
    void oneClientAddressGetsThirtyLoginTriesAMinute() {
        // The limit counts per clock minute: start at the beginning of one, so that the 31 tries
        // below fall into the same minute however slow the machine is.
        clock.advance(java.time.Duration.ofMillis(60_000 - clock.millis() % 60_000 + 50));
        String address = WebSession.nextClientAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(loginPageAfterFailure(new WebSession(port, address), uniqueEmail("spray" + i), "guess"))
                    .contains(WRONG);
        }
        WebSession browser = new WebSession(port, address);
        String email = uniqueEmail("sprayed");
        new WebSession(port).register(email, "Spray");
        assertThat(loginPageAfterFailure(browser, email, PASSWORD))
                .contains("Too many logins from your network. Try again in");
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .as("other addresses are not limited")
                .isEqualTo("/");
    }

    @Test
    void failuresOfOneAccountDoNotLockAnother() {
        String victim = uniqueEmail("victim");
        String other = uniqueEmail("other");
        new WebSession(port).register(other, "Oli");
        for (int i = 0; i < LoginThrottle.FREE_TRIES + 1; i++) {
            loginPageAfterFailure(victim, "guess " + i);
        }

        assertThat(WebSession.location(new WebSession(port).logIn(other, PASSWORD)))
                .isEqualTo("/");
    }

    @Test
    void aDisabledAccountCannotLogInAndItsSessionsEnd() {
        String email = uniqueEmail("disabled");
        WebSession browser = new WebSession(port);
        browser.register(email, "Dee");
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();

        accountService.disable(id);

        assertThat(WebSession.location(browser.get("/profile"))).endsWith("/login");
        assertThat(loginPageAfterFailure(email, "wrong password")).contains(WRONG);
        assertThat(loginPageAfterFailure(email, PASSWORD)).contains("This account is disabled.");
        accountService.enable(id);
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/");
    }

    private LoginThrottle throttleAt(Instant now) {
        return new LoginThrottle(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String loginPageAfterFailure(String email, String password) {
        return loginPageAfterFailure(new WebSession(port), email, password);
    }

    private static String loginPageAfterFailure(WebSession browser, String email, String password) {
        HttpResponse<String> failed = browser.logIn(email, password);
        assertThat(WebSession.location(failed)).isEqualTo("/login");
        return browser.get("/login").body();
    }
}
