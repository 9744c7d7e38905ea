package com.cloudsquad.feedback;

import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.platform.AdminAudit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform reviews: one per candidate who completed a test, editable and deletable by its author,
 * hidden and unhidden by admins. Owns {@code review} and {@code review_star_count}; the star counts
 * of visible reviews change in the same transaction as the review, under the review row's lock, so
 * the summary never drifts from the reviews.
 */
@Service
public class Reviews {

    static final int MAX_BODY = 2000;

    private static final String COLUMNS = "id, account_id, stars, body, created_at, updated_at, hidden, hidden_reason";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AttemptRecords attempts;
    private final AdminAudit audit;

    Reviews(JdbcClient jdbc, Clock clock, AttemptRecords attempts, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.attempts = attempts;
        this.audit = audit;
    }

    /** What a save did, for the message the author sees. */
    enum Saved {
        CREATED,
        UPDATED
    }

    /** Average, count and distribution of the visible reviews, from five maintained rows. */
    @Transactional(readOnly = true)
    public ReviewSummary summary() {
        List<Long> perStar = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        jdbc.sql("SELECT stars, reviews FROM review_star_count").query((ResultSet rs) -> {
            int stars = rs.getInt("stars");
            if (stars >= 1 && stars <= 5) {
                perStar.set(stars - 1, rs.getLong("reviews"));
            }
        });
        return new ReviewSummary(perStar.stream().mapToLong(Long::longValue).sum(), List.copyOf(perStar));
    }

    /** Whether the candidate may write a review: only after completing a test. */
    boolean mayReview(long accountId) {
        return attempts.hasCompletedTest(accountId);
    }

    @Transactional(readOnly = true)
    Optional<Review> mine(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE account_id = ?")
                .param(accountId)
                .query(Reviews::review)
                .optional();
    }

    @Transactional(readOnly = true)
    Optional<Review> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE id = ?")
                .param(id)
                .query(Reviews::review)
                .optional();
    }

    /**
     * Writes the candidate's review, or replaces the text and stars of the one they have. A hidden
     * review stays hidden when edited.
     *
     * @throws ReviewNotAllowedException when the candidate has not completed a test
     */
    @Transactional
    Saved save(long accountId, int stars, String body) {
        if (stars < 1 || stars > 5 || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("stars 1-5 and at most " + MAX_BODY + " characters");
        }
        if (!mayReview(accountId)) {
            throw new ReviewNotAllowedException();
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Review> existing = locked(accountId);
        if (existing.isEmpty()) {
            int inserted =
                    jdbc.sql("""
                            INSERT IGNORE INTO review (account_id, stars, body, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?)""").params(accountId, stars, body, now, now).update();
            if (inserted == 1) {
                count(stars, +1);
                return Saved.CREATED;
            }
            // another request of the same candidate made it meanwhile: edit that one
            existing = locked(accountId);
        }
        Review old = existing.orElseThrow();
        jdbc.sql("UPDATE review SET stars = ?, body = ?, updated_at = ? WHERE id = ?")
                .params(stars, body, now, old.id())
                .update();
        if (!old.hidden() && old.stars() != stars) {
            count(old.stars(), -1);
            count(stars, +1);
        }
        return Saved.UPDATED;
    }

    /** Deletes the candidate's review; false when they had none. */
    @Transactional
    boolean delete(long accountId) {
        Optional<Review> existing = locked(accountId);
        if (existing.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM review WHERE id = ?").param(existing.get().id()).update();
        if (!existing.get().hidden()) {
            count(existing.get().stars(), -1);
        }
        return true;
    }

    /** A page of the visible reviews; reads {@code limit + 1} so the caller can tell if there are more. */
    @Transactional(readOnly = true)
    List<Review> visible(ReviewSort sort, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE hidden = FALSE ORDER BY " + sort.orderBy()
                        + " LIMIT ? OFFSET ?")
                .params(limit + 1, offset)
                .query(Reviews::review)
                .list();
    }

    /** Reviews for admins, newest first, all or only the hidden ones; {@code limit + 1} rows. */
    @Transactional(readOnly = true)
    List<Review> forAdmins(boolean hiddenOnly, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review" + (hiddenOnly ? " WHERE hidden = TRUE" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit + 1, offset)
                .query(Reviews::review)
                .list();
    }

    /** Hides a visible review with a reason its author sees; false when it was hidden already or is gone. */
    @Transactional
    boolean hide(long id, String reason) {
        int changed = jdbc.sql("""
                        UPDATE review SET hidden = TRUE, hidden_reason = ?, hidden_at = ?
                        WHERE id = ? AND hidden = FALSE""")
                .params(reason, Timestamp.from(clock.instant()), id)
                .update();
        if (changed == 0) {
            return false;
        }
        count(starsOf(id), -1);
        audit.record("review.hide", "review " + id, reason);
        return true;
    }

    /** Shows a hidden review again; false when it was visible already or is gone. */
    @Transactional
    boolean unhide(long id, String reason) {
        int changed = jdbc.sql("""
                        UPDATE review SET hidden = FALSE, hidden_reason = NULL, hidden_at = NULL
                        WHERE id = ? AND hidden = TRUE""").param(id).update();
        if (changed == 0) {
            return false;
        }
        count(starsOf(id), +1);
        audit.record("review.unhide", "review " + id, reason);
        return true;
    }

    @Transactional(readOnly = true)
    long hiddenCount() {
        return jdbc.sql("SELECT COUNT(*) FROM review WHERE hidden = TRUE")
                .query(Long.class)
                .single();
    }

    private Optional<Review> locked(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review WHERE account_id = ? FOR UPDATE")
                .param(accountId)
                .query(Reviews::review)
                .optional();
    }

    private int starsOf(long id) {
        return jdbc.sql("SELECT stars FROM review WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private void count(int stars, int delta) {
        jdbc.sql("UPDATE review_star_count SET reviews = reviews + ? WHERE stars = ?")
                .params(delta, stars)
                .update();
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getInt("stars"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getBoolean("hidden"),
                rs.getString("hidden_reason"));
    }
}
