package com.cloudsquad.account;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A login refused without checking the password, because the account had too many failures. */
class LoginThrottledException extends LockedException {

    private final Duration remaining;

    LoginThrottledException(Duration remaining) {
        super("Too many failed logins; locked for " + remaining);
        this.remaining = remaining;
    }

    /** Whole minutes until the next try is allowed, rounded up. */
    long minutesRemaining() {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
