package com.cloudsquad.exam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of attempts and their questions: what the pages, the selection and the closing job look
 * up. Writes live in {@link Attempts}; other modules read through {@link AttemptRecords}.
 */
@Component
class AttemptQueries {

    static final RowMapper<AttemptQuestion> QUESTION = (rs, n) -> new AttemptQuestion(
            rs.getInt("position"),
            rs.getLong("question_id"),
            rs.getLong("version_id"),
            rs.getLong("domain_id"),
            AttemptQuestion.parseList(rs.getString("option_order")),
            new HashSet<>(AttemptQuestion.parseList(rs.getString("selected"))),
            rs.getBoolean("flagged"),
            rs.getTimestamp("checked_at") != null,
            (Boolean) rs.getObject("correct", Boolean.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    AttemptQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> find(long attemptId) {
        return jdbc.sql("SELECT * FROM attempt WHERE id = ?")
                .param(attemptId)
                .query(AttemptQueries::toAttempt)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<AttemptQuestion> questions(long attemptId) {
        return jdbc.sql("SELECT * FROM attempt_question WHERE attempt_id = ? ORDER BY position")
                .param(attemptId)
                .query(QUESTION)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Attempt> history(long accountId) {
        return jdbc.sql("SELECT * FROM attempt WHERE account_id = ? ORDER BY started_at DESC LIMIT 50")
                .param(accountId)
                .query(AttemptQueries::toAttempt)
                .list();
    }

    /** Everyone's most recent attempts, newest first (the admin list), optionally of one certification. */
    @Transactional(readOnly = true)
    public List<Attempt> recent(Long certificationId, int limit) {
        return jdbc.sql(
                        "SELECT * FROM attempt WHERE (? IS NULL OR certification_id = ?) ORDER BY started_at DESC LIMIT ?")
                .params(certificationId, certificationId, limit)
                .query(AttemptQueries::toAttempt)
                .list();
    }

    /** The candidate's attempts still in progress (to resume them). */
    @Transactional(readOnly = true)
    public List<Attempt> open(long accountId) {
        return jdbc.sql(
                        "SELECT * FROM attempt WHERE account_id = ? AND status = 'IN_PROGRESS' ORDER BY started_at DESC")
                .param(accountId)
                .query(AttemptQueries::toAttempt)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> openTimed(long accountId, long certificationId) {
        return jdbc.sql("SELECT * FROM attempt WHERE account_id = ? AND certification_id = ? AND open_timed_slot = 1")
                .params(accountId, certificationId)
                .query(AttemptQueries::toAttempt)
                .optional();
    }

    /**
     * The questions this candidate got wrong and has not since answered right twice at least a
     * day apart: those due now (oldest miss first) and how many rest until a day after their first
     * right answer.
     */
    @Transactional(readOnly = true)
    MissedQueue.Summary missedQueue(long accountId, long certificationId) {
        Map<Long, MissedQueue.Entry> byQuestion = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT aq.question_id, aq.correct, COALESCE(aq.checked_at, a.closed_at) AS graded_at
                        FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
                        WHERE a.account_id = ? AND a.certification_id = ? AND aq.correct IS NOT NULL
                          AND COALESCE(aq.checked_at, a.closed_at) IS NOT NULL
                        ORDER BY graded_at""").params(accountId, certificationId).query(rs -> {
            byQuestion
                    .computeIfAbsent(rs.getLong("question_id"), id -> new MissedQueue.Entry())
                    .record(
                            rs.getBoolean("correct"),
                            rs.getTimestamp("graded_at").toInstant());
        });
        return MissedQueue.summary(byQuestion, clock.instant());
    }

    /** The questions of the candidate's latest attempts, which a new attempt avoids when it can. */
    @Transactional(readOnly = true)
    public Set<Long> recentQuestions(long accountId, int limit) {
        return new HashSet<>(
                jdbc.sql("""
                        SELECT aq.question_id FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
                        WHERE a.account_id = ? ORDER BY a.started_at DESC LIMIT ?""").params(accountId, limit).query(Long.class).list());
    }

    /** Attempts past their deadline and its grace, for the closing job. */
    @Transactional(readOnly = true)
    public List<Long> overdue(int limit) {
        return jdbc.sql(
                        "SELECT id FROM attempt WHERE status = 'IN_PROGRESS' AND deadline_at < ? ORDER BY deadline_at LIMIT ?")
                .params(Timestamp.from(clock.instant().minus(Attempts.GRACE)), limit)
                .query(Long.class)
                .list();
    }

    static Attempt toAttempt(ResultSet rs, int n) throws SQLException {
        Timestamp deadline = rs.getTimestamp("deadline_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Attempt(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getLong("certification_id"),
                AttemptMode.valueOf(rs.getString("mode")),
                (Long) rs.getObject("domain_id", Long.class),
                AttemptStatus.valueOf(rs.getString("status")),
                rs.getInt("question_count"),
                rs.getTimestamp("started_at").toInstant(),
                deadline == null ? null : deadline.toInstant(),
                closed == null ? null : closed.toInstant(),
                (Integer) rs.getObject("correct_count", Integer.class),
                rs.getObject("raw_percent") == null ? null : rs.getDouble("raw_percent"),
                (Integer) rs.getObject("scaled_score", Integer.class),
                (Boolean) rs.getObject("passed", Boolean.class));
    }
}
