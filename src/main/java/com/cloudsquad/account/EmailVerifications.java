package com.cloudsquad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof that someone reads an address: a link with a random token, valid for {@link #VALIDITY},
 * usable once (the row is deleted by the statement that accepts it). Owns {@code email_verification}.
 */
@Component
class EmailVerifications {

    static final Duration VALIDITY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountMail mail;
    private final Clock clock;
    private final String baseUrl;

    EmailVerifications(
            JdbcClient jdbc,
            AccountRepository accounts,
            AccountMail mail,
            Clock clock,
            @Value("${app.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Mails a new link to the account's address; earlier links stay valid until they expire. */
    @Transactional
    public void send(Account account) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM email_verification WHERE account_id = ? AND expires_at <= ?")
                .params(account.getId(), Timestamp.from(now))
                .update();
        jdbc.sql("INSERT INTO email_verification (token_hash, account_id, email_key, expires_at) VALUES (?, ?, ?, ?)")
                .params(
                        SecretTokens.hash(token),
                        account.getId(),
                        account.getEmailKey(),
                        Timestamp.from(now.plus(VALIDITY)))
                .update();
        mail.send(account.getEmail(), "Confirm your email address for Cloud Squad", """
                Hello %s,

                please confirm that this address is yours by opening this link (valid for 24 hours):

                %s/verify-email?token=%s

                If you did not create a Cloud Squad account, ignore this mail.
                """.formatted(
                        account.getDisplayName(), baseUrl, token));
    }

    /** The account whose address the token proves, if the token is known, unexpired and unused. */
    @Transactional
    public Optional<Long> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        Optional<VerificationRow> row = jdbc.sql(
                        "SELECT account_id, email_key FROM email_verification WHERE token_hash = ? AND expires_at > ?")
                .params(hash, Timestamp.from(now))
                .query(VerificationRow.class)
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        // Single use: of two requests with the same token, only the one whose DELETE removed the row wins.
        if (jdbc.sql("DELETE FROM email_verification WHERE token_hash = ?")
                        .param(hash)
                        .update()
                != 1) {
            return Optional.empty();
        }
        accounts.markEmailVerified(row.get().accountId(), row.get().emailKey(), now);
        return Optional.of(row.get().accountId());
    }

    /** Notice to the owner when someone registers with an address that already has an account. */
    void sendAlreadyRegistered(Account owner) {
        mail.send(owner.getEmail(), "Someone tried to register with your address at Cloud Squad", """
                Hello %s,

                someone (perhaps you) tried to create a Cloud Squad account with this address. You
                already have one, so nothing was changed. To use it, log in at:

                %s/login

                If it was not you, you need not do anything.
                """.formatted(
                        owner.getDisplayName(), baseUrl));
    }

    record VerificationRow(long accountId, String emailKey) {}
}
