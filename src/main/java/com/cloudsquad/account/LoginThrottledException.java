package com.cloudsquad.account;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A login refused without checking the password: too many tries for the account or from the address. */
class LoginThrottledException extends LockedException {

    private final transient Duration remaining;
    private final boolean byAddress;

    LoginThrottledException(Duration remaining, boolean byAddress) {
        super("Too many login tries; wait " + remaining);
        this.remaining = remaining;
        this.byAddress = byAddress;
    }

    boolean byAddress() {
        return byAddress;
    }

    /** "45 seconds" or "7 minutes" (rounded up): when the next try is allowed. */
    String waitText() {
        return waitText(remaining);
    }

    static String waitText(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
