package com.cloudsquad.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code analysis_report} and {@code analysis_usage}. Usage days are UTC days. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    enum Status {
        PENDING,
        DONE
    }

    enum Source {
        AI,
        RULES
    }

    /** A report as the pages show it; {@code report} is null while pending. */
    record StoredReport(
            long id,
            long attemptId,
            long accountId,
            long certificationId,
            Status status,
            Source source,
            String fallbackReason,
            AnalysisReport report,
            String modelId,
            int inputTokens,
            int outputTokens,
            Instant completedAt) {

        boolean done() {
            return status == Status.DONE;
        }

        boolean writtenByAi() {
            return source == Source.AI;
        }
    }

    /** One day's token use for one purpose. */
    record DailyUsage(LocalDate day, String purpose, int calls, long inputTokens, long outputTokens) {}

    static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The pending row of an attempt; false when it exists already (a redelivered event). */
    boolean insertPending(long attemptId, long accountId, long certificationId) {
        Instant now = clock.instant();
        try {
            return jdbc.sql("""
                            INSERT INTO analysis_report (attempt_id, account_id, certification_id, status, created_at, usage_day)
                            VALUES (?, ?, ?, 'PENDING', ?, ?)""")
                            .params(attemptId, accountId, certificationId, Timestamp.from(now), utcDay(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Pending reports no instance holds (never claimed, or the claim ran out), oldest first. */
    List<Long> claimable(int limit) {
        return jdbc.sql("""
                        SELECT id FROM analysis_report
                        WHERE status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
                        ORDER BY id LIMIT ?""")
                .params(Timestamp.from(clock.instant()), limit)
                .query(Long.class)
                .list();
    }

    /** Takes a pending report for {@code instance} until the lease ends; only one instance wins. */
    boolean claim(long id, String instance, java.time.Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE analysis_report SET claimed_by = ?, claimed_until = ?
                        WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                        .params(instance, Timestamp.from(now.plus(lease)), id, Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Writes the report, if {@code instance} still holds the claim; false otherwise. */
    boolean complete(
            long id,
            String instance,
            AnalysisReport report,
            Source source,
            String fallbackReason,
            String modelId,
            int inputTokens,
            int outputTokens,
            int modelCalls) {
        return jdbc.sql("""
                        UPDATE analysis_report
                        SET status = 'DONE', body = ?, source = ?, fallback_reason = ?, model_id = ?,
                            input_tokens = ?, output_tokens = ?, model_calls = ?, completed_at = ?,
                            claimed_by = NULL, claimed_until = NULL
                        WHERE id = ? AND status = 'PENDING' AND claimed_by = ?""")
                        .params(
                                json.writeValueAsString(report),
                                source.name(),
                                fallbackReason,
                                modelId,
                                inputTokens,
                                outputTokens,
                                modelCalls,
                                Timestamp.from(clock.instant()),
                                id,
                                instance)
                        .update()
                == 1;
    }

    Optional<StoredReport> find(long id) {
        return jdbc.sql("SELECT * FROM analysis_report WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<StoredReport> byAttempt(long attemptId) {
        return jdbc.sql("SELECT * FROM analysis_report WHERE attempt_id = ?")
                .param(attemptId)
                .query(this::map)
                .optional();
    }

    /** Reports the model wrote for a candidate on one UTC day, for the per-candidate limit. */
    int aiReportsOn(long accountId, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM analysis_report WHERE account_id = ? AND usage_day = ? AND source = 'AI'")
                .params(accountId, day)
                .query(Integer.class)
                .single();
    }

    /** Counts one model call's tokens against the day (whatever came of the answer). */
    void recordUsage(String purpose, int inputTokens, int outputTokens) {
        jdbc.sql("""
                        INSERT INTO analysis_usage (usage_day, purpose, calls, input_tokens, output_tokens)
                        VALUES (?, ?, 1, ?, ?)
                        ON DUPLICATE KEY UPDATE calls = calls + 1, input_tokens = input_tokens + ?,
                                                output_tokens = output_tokens + ?""")
                .params(utcDay(clock.instant()), purpose, inputTokens, outputTokens, inputTokens, outputTokens)
                .update();
    }

    long tokensOn(LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(input_tokens + output_tokens), 0) FROM analysis_usage WHERE usage_day = ?")
                .param(day)
                .query(Long.class)
                .single();
    }

    List<DailyUsage> usageSince(LocalDate from) {
        return jdbc.sql("""
                        SELECT usage_day, purpose, calls, input_tokens, output_tokens FROM analysis_usage
                        WHERE usage_day >= ? ORDER BY usage_day DESC, purpose""")
                .param(from)
                .query((rs, n) -> new DailyUsage(
                        rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Reports per day and source, for the admin page: {day, source, count}. */
    List<Object[]> reportsSince(LocalDate from) {
        return jdbc.sql("""
                        SELECT usage_day, COALESCE(source, 'PENDING'), COUNT(*) FROM analysis_report
                        WHERE usage_day >= ? GROUP BY usage_day, COALESCE(source, 'PENDING')
                        ORDER BY usage_day DESC""")
                .param(from)
                .query((rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3)})
                .list();
    }

    private StoredReport map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String body = rs.getString("body");
        String source = rs.getString("source");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new StoredReport(
                rs.getLong("id"),
                rs.getLong("attempt_id"),
                rs.getLong("account_id"),
                rs.getLong("certification_id"),
                Status.valueOf(rs.getString("status")),
                source == null ? null : Source.valueOf(source),
                rs.getString("fallback_reason"),
                body == null ? null : json.readValue(body, AnalysisReport.class),
                rs.getString("model_id"),
                rs.getInt("input_tokens"),
                rs.getInt("output_tokens"),
                completed == null ? null : completed.toInstant());
    }
}
