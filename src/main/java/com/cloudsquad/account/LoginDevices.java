package com.cloudsquad.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers that logged in to an account before (OWASP's "device cookie"): after a successful login
 * the browser gets a random token, the database its hash and the account. A login from such a
 * browser is throttled on its own key, so a stranger's failed guesses, which throttle the
 * account's shared key, never lock the owner out of a browser they used before. Owns {@code login_device}.
 */
@Component
class LoginDevices {

    static final String COOKIE = "CLOUDSQUAD_DEVICE";
    static final Duration KEPT_FOR = Duration.ofDays(180);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static Optional<String> tokenOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName())
                                && c.getValue() != null
                                && c.getValue().length() < 100)
                        .map(Cookie::getValue)
                        .findFirst();
    }

    /** The throttle key of this browser for this account, when it logged in to it before. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<String> throttleKey(String emailKey, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(token);
        int known = jdbc.sql("UPDATE login_device SET last_used_at = ? WHERE token_hash = ? AND email_key = ?")
                .params(Timestamp.from(clock.instant()), hash, emailKey)
                .update();
        return known == 1 ? Optional.of("device:" + hash) : Optional.empty();
    }

    /** After a successful login: this browser is known for the account from now on. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void remember(String emailKey, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> current = tokenOf(request);
        if (current.isPresent() && throttleKey(emailKey, current.get()).isPresent()) {
            return;
        }
        String token = SecretTokens.newToken();
        jdbc.sql("INSERT INTO login_device (token_hash, email_key, last_used_at) VALUES (?, ?, ?)")
                .params(SecretTokens.hash(token), emailKey, Timestamp.from(clock.instant()))
                .update();
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, token)
                        .path("/")
                        .maxAge(KEPT_FOR)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .build()
                        .toString());
    }
}
