package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Who may see an attempt, and what the clock says of it. A candidate reaches only their own
 * attempts; an admin may look at anyone's, read-only; anything else is "not found". An attempt
 * past its deadline is closed before anyone sees it: at once for its owner (whose browser has
 * sent its last save before asking), after the grace for saves in flight for anyone else.
 */
@Component
class AttemptAccess {

    private final AttemptQueries queries;
    private final Attempts attempts;
    private final Clock clock;

    AttemptAccess(AttemptQueries queries, Attempts attempts, Clock clock) {
        this.queries = queries;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The attempt as it stands now, for its owner or an admin. */
    Attempt readable(long id, AccountPrincipal user) {
        Attempt attempt = queries.find(id)
                .filter(a -> a.accountId() == user.getAccountId() || user.isAdmin())
                .orElseThrow(() -> new AttemptNotFoundException(id));
        return asOfNow(attempt, attempt.accountId() == user.getAccountId());
    }

    /** The attempt, for a change its owner asks for: anyone else gets "not found", admins included. */
    static Attempt requireOwner(Attempt attempt, AccountPrincipal user) {
        if (attempt.accountId() != user.getAccountId()) {
            throw new AttemptNotFoundException(attempt.id());
        }
        return attempt;
    }

    private Attempt asOfNow(Attempt attempt, boolean byOwner) {
        if (!attempt.open() || attempt.deadlineAt() == null || !clock.instant().isAfter(attempt.deadlineAt())) {
            return attempt; // the common case costs no write and no transaction
        }
        boolean closed = byOwner ? attempts.expireAtDeadline(attempt.id()) : attempts.expireIfOverdue(attempt.id());
        return closed || byOwner ? queries.find(attempt.id()).orElseThrow() : attempt;
    }
}
