package com.cloudsquad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first admin without a race: while no admin exists, the instance that starts first stores
 * the hash of a random one-time token (one row, id 1, so parallel starts store one) and prints the
 * token in its log. A logged-in user with a verified address redeems it at {@code /bootstrap-admin}:
 * the row is deleted by the statement that accepts it, so exactly one redeemer becomes admin. Only
 * someone who can read the server's log can do this. Owns {@code admin_bootstrap_token}.
 */
@Component
class AdminBootstrap {

    static final Duration VALIDITY = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AdminEmails adminEmails;
    private final Clock clock;

    AdminBootstrap(JdbcClient jdbc, AccountRepository accounts, AdminEmails adminEmails, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.adminEmails = adminEmails;
        this.clock = clock;
    }

    enum Outcome {
        ADMIN,
        UNVERIFIED,
        INVALID
    }

    @EventListener(ApplicationReadyEvent.class)
    public void offerWhenNoAdmin() {
        if (adminExists()) {
            return;
        }
        Optional<String> token = issue(false);
        if (token.isPresent()) {
            log.warn(
                    "No admin yet. Log in with a verified address and enter this one-time token at"
                            + " /bootstrap-admin within 24 hours to become admin: {}",
                    token.get());
        } else {
            log.warn("No admin yet. A one-time admin token was printed in an earlier start's log (still valid).");
        }
    }

    /** Whether any enabled account is admin (granted, or listed and verified). */
    boolean adminExists() {
        if (accounts.countGrantedAdmins() > 0) {
            return true;
        }
        return adminEmails.keys().stream()
                .map(accounts::findByEmailKey)
                .flatMap(Optional::stream)
                .anyMatch(a -> a.isEmailVerified() && !a.isDisabled());
    }

    /**
     * Stores a new token and returns it; an unexpired one already stored is kept (and nothing is
     * returned) unless {@code replace}.
     */
    @Transactional
    Optional<String> issue(boolean replace) {
        Instant now = clock.instant();
        jdbc.sql(
                        replace
                                ? "DELETE FROM admin_bootstrap_token"
                                : "DELETE FROM admin_bootstrap_token WHERE expires_at <= ?")
                .params(replace ? new Object[0] : new Object[] {Timestamp.from(now)})
                .update();
        String token = SecretTokens.newToken();
        int stored = jdbc.sql("INSERT IGNORE INTO admin_bootstrap_token (id, token_hash, expires_at) VALUES (1, ?, ?)")
                .params(SecretTokens.hash(token), Timestamp.from(now.plus(VALIDITY)))
                .update();
        return stored == 1 ? Optional.of(token) : Optional.empty();
    }

    @Transactional
    Outcome redeem(long accountId, String token) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.isEmailVerified()) {
            return Outcome.UNVERIFIED;
        }
        if (token == null || token.isBlank() || token.length() > 100) {
            return Outcome.INVALID;
        }
        int taken = jdbc.sql("DELETE FROM admin_bootstrap_token WHERE id = 1 AND token_hash = ? AND expires_at > ?")
                .params(SecretTokens.hash(token.strip()), Timestamp.from(clock.instant()))
                .update();
        if (taken != 1) {
            return Outcome.INVALID;
        }
        accounts.grantAdmin(accountId);
        return Outcome.ADMIN;
    }
}
