package com.cloudsquad.feedback;

import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.exam.AttemptRecords.AnsweredQuestion;
import com.cloudsquad.exam.AttemptRecords.AttemptResult;
import com.cloudsquad.platform.AdminAudit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problem reports on questions. A report names an attempt and a position; the version recorded is
 * the one that attempt showed at that position (read through exam's {@link AttemptRecords}), so a
 * candidate can only report what they saw with its answer: in a closed attempt's review, or a
 * checked answer of a practice session. One report per candidate and version (unique key): a second
 * one is merged into the first. Owns {@code problem_report}.
 */
@Service
class ProblemReports {

    static final int MAX_COMMENT = 2000;
    static final int MAX_NOTE = 1000;

    private static final String COLUMNS = "id, account_id, question_id, version_id, attempt_id, position, reason,"
            + " comment, status, created_at, updated_at, submissions, decided_at, decided_by, decision_note";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AttemptRecords attempts;
    private final AdminAudit audit;

    ProblemReports(JdbcClient jdbc, Clock clock, AttemptRecords attempts, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.attempts = attempts;
        this.audit = audit;
    }

    /** A report as sent: new, or merged into the candidate's earlier report on the same version. */
    record Sent(long reportId, boolean merged, int position) {}

    /**
     * Records the candidate's report on the question at {@code position} of their attempt.
     *
     * @throws ReportNotAllowedException when the candidate did not see that question with its answer
     */
    @Transactional
    Sent submit(long accountId, long attemptId, int position, ReportReason reason, String comment) {
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("at most " + MAX_COMMENT + " characters");
        }
        AnsweredQuestion seen = seenWithAnswer(accountId, attemptId, position);
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO problem_report (account_id, question_id, version_id, attempt_id, position,
                            reason, comment, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(
                        accountId,
                        seen.questionId(),
                        seen.versionId(),
                        attemptId,
                        position,
                        reason.name(),
                        comment,
                        now,
                        now)
                .update();
        if (inserted == 0) {
            // the same candidate on the same version: one report, with the latest reason and comment,
            // open again if it had been decided
            jdbc.sql("""
                            UPDATE problem_report SET reason = ?, comment = ?, updated_at = ?, submissions = submissions + 1,
                                status = 'OPEN', decided_at = NULL, decided_by = NULL, decision_note = NULL
                            WHERE account_id = ? AND version_id = ?""")
                    .params(reason.name(), comment, now, accountId, seen.versionId())
                    .update();
        }
        long id = jdbc.sql("SELECT id FROM problem_report WHERE account_id = ? AND version_id = ?")
                .params(accountId, seen.versionId())
                .query(Long.class)
                .single();
        return new Sent(id, inserted == 0, position);
    }

    /** The question the candidate saw at that position, provided they also saw its answer. */
    private AnsweredQuestion seenWithAnswer(long accountId, long attemptId, int position) {
        Optional<AttemptResult> closed = attempts.result(attemptId);
        boolean open;
        if (closed.isPresent()) {
            if (closed.get().accountId() != accountId) {
                throw new ReportNotAllowedException();
            }
            open = false;
        } else {
            open = attempts.openAttempts(accountId).stream().anyMatch(a -> a.id() == attemptId);
            if (!open) {
                throw new ReportNotAllowedException();
            }
        }
        AnsweredQuestion question = attempts.answers(attemptId).stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElseThrow(ReportNotAllowedException::new);
        // in a running attempt only a checked practice answer has shown its key and explanation
        if (open && question.correct() == null) {
            throw new ReportNotAllowedException();
        }
        return question;
    }

    /** The candidate's own reports, newest first. */
    @Transactional(readOnly = true)
    List<ProblemReport> mine(long accountId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM problem_report WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(accountId, limit)
                .query(ProblemReports::report)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<ProblemReport> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM problem_report WHERE id = ?")
                .param(id)
                .query(ProblemReports::report)
                .optional();
    }

    /** The admin queue: one status, optionally one question and one reason, oldest first; {@code limit + 1} rows. */
    @Transactional(readOnly = true)
    List<ProblemReport> queue(ReportStatus status, Long questionId, ReportReason reason, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM problem_report WHERE status = ?");
        List<Object> params = new ArrayList<>();
        params.add(status.name());
        if (questionId != null) {
            sql.append(" AND question_id = ?");
            params.add(questionId);
        }
        if (reason != null) {
            sql.append(" AND reason = ?");
            params.add(reason.name());
        }
        sql.append(status == ReportStatus.OPEN ? " ORDER BY created_at, id" : " ORDER BY decided_at DESC, id DESC");
        sql.append(" LIMIT ? OFFSET ?");
        params.add(limit + 1);
        params.add(offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(ProblemReports::report)
                .list();
    }

    /**
     * Resolves or rejects an open report with a note the reporter sees; false when it was decided
     * already (by another admin, say).
     */
    @Transactional
    boolean decide(long id, ReportStatus decision, String note) {
        if (decision == ReportStatus.OPEN) {
            throw new IllegalArgumentException("a decision resolves or rejects");
        }
        Instant now = clock.instant();
        String admin = SecurityContextHolder.getContext().getAuthentication() == null
                ? "system"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        int changed = jdbc.sql("""
                        UPDATE problem_report SET status = ?, decided_at = ?, decided_by = ?, decision_note = ?, updated_at = ?
                        WHERE id = ? AND status = 'OPEN'""")
                .params(decision.name(), Timestamp.from(now), admin, note, Timestamp.from(now), id)
                .update();
        if (changed == 0) {
            return false;
        }
        audit.record(
                decision == ReportStatus.RESOLVED ? "report.resolve" : "report.reject", "problem report " + id, note);
        return true;
    }

    @Transactional(readOnly = true)
    long openCount() {
        return jdbc.sql("SELECT COUNT(*) FROM problem_report WHERE status = 'OPEN'")
                .query(Long.class)
                .single();
    }

    private static ProblemReport report(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ProblemReport(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getLong("question_id"),
                rs.getLong("version_id"),
                rs.getLong("attempt_id"),
                rs.getInt("position"),
                ReportReason.valueOf(rs.getString("reason")),
                rs.getString("comment"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("submissions"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                rs.getString("decision_note"));
    }
}
