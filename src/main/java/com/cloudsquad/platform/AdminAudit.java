package com.cloudsquad.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log of admin actions: who (the admin's login), what, on what, when. Every module that
 * offers an admin action calls {@link #record} in the same transaction as the change, so an action
 * that rolls back leaves no entry and an entry always means the change happened.
 */
@Component
public class AdminAudit {

    /** One entry, newest first on the page. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {}

    private static final int DETAIL_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry for the admin of the current request.
     *
     * @param action a short verb phrase, e.g. {@code "account.disable"} or {@code "review.hide"}
     * @param target what was acted on, e.g. {@code "account 42"}
     * @param detail the reason or the change in a sentence; may be null
     */
    public void record(String action, String target, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "system" : authentication.getName();
        record(actor, action, target, detail);
    }

    /** Appends an entry for a named actor (jobs and commands that run without a request). */
    public void record(String actor, String action, String target, String detail) {
        String trimmed = detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT);
        jdbc.sql("INSERT INTO admin_audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, target, trimmed)
                .update();
    }

    /** A page of entries, newest first; {@code limit + 1} rows are read so callers can tell if there are more. */
    public List<Entry> page(int offset, int limit) {
        return jdbc.sql(
                        "SELECT id, at, actor, action, target, detail FROM admin_audit ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit + 1, offset)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")))
                .list();
    }
}
