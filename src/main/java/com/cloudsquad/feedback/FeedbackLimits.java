package com.cloudsquad.feedback;

import com.cloudsquad.account.RequestRateLimit;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a candidate and a client address may write reviews and problem reports, counted in the
 * database by account's {@link RequestRateLimit} (so all instances count together). Each limit is
 * per hour; a refused write says when to try again.
 */
@Component
class FeedbackLimits {

    private static final Duration HOUR = Duration.ofHours(1);

    private final RequestRateLimit rate;
    private final int reviewsPerAccount;
    private final int reviewsPerAddress;
    private final int reportsPerAccount;
    private final int reportsPerAddress;

    FeedbackLimits(
            RequestRateLimit rate,
            @Value("${app.feedback.review-writes-per-account-per-hour:10}") int reviewsPerAccount,
            @Value("${app.feedback.review-writes-per-address-per-hour:30}") int reviewsPerAddress,
            @Value("${app.feedback.reports-per-account-per-hour:30}") int reportsPerAccount,
            @Value("${app.feedback.reports-per-address-per-hour:60}") int reportsPerAddress) {
        this.rate = rate;
        this.reviewsPerAccount = reviewsPerAccount;
        this.reviewsPerAddress = reviewsPerAddress;
        this.reportsPerAccount = reportsPerAccount;
        this.reportsPerAddress = reportsPerAddress;
    }

    /** Counts one review write; a sentence saying when to retry when over a limit. */
    Optional<String> reviewWrite(long accountId, String address) {
        return check("review", accountId, address, reviewsPerAccount, reviewsPerAddress)
                .map(wait -> "You have changed your review too often. Please try again in " + wait + ".");
    }

    /** Counts one problem report; a sentence saying when to retry when over a limit. */
    Optional<String> report(long accountId, String address) {
        return check("report", accountId, address, reportsPerAccount, reportsPerAddress)
                .map(wait -> "You have sent many reports in a short time. Please try again in " + wait + ".");
    }

    private Optional<String> check(String what, long accountId, String address, int perAccount, int perAddress) {
        Optional<Duration> byAccount = rate.hit(what + "-account", String.valueOf(accountId), perAccount, HOUR);
        Optional<Duration> byAddress =
                byAccount.isPresent() ? Optional.empty() : rate.hit(what + "-address", address, perAddress, HOUR);
        return byAccount.or(() -> byAddress).map(FeedbackLimits::minutes);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
