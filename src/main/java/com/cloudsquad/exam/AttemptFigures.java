package com.cloudsquad.exam;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform-wide attempt figures for the admin console, read through the exam's published API.
 * Each is a range read on the covering index {@code attempt_figures (started_at, mode,
 * certification_id, passed)}, so its cost follows the attempts in the range, not all attempts.
 */
@Service
public class AttemptFigures {

    /** Scored readiness tests and mock exams of one certification, and how many of them passed. */
    public record PassRate(long certificationId, long scored, long passed) {

        /** Whole percent passed, rounded half up; 0 when nothing was scored. */
        public int percent() {
            return scored == 0 ? 0 : (int) ((passed * 200 + scored) / (scored * 2));
        }
    }

    private final JdbcClient jdbc;

    AttemptFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Attempts of any mode started at or after {@code from} and before {@code to}. */
    @Transactional(readOnly = true)
    public long startedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM attempt WHERE started_at >= ? AND started_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    /**
     * Per certification, the scored readiness tests and mock exams started at or after {@code
     * since} (submitted or closed at the deadline) and how many passed; certifications without any
     * are left out.
     */
    @Transactional(readOnly = true)
    public List<PassRate> passRatesSince(Instant since) {
        return jdbc.sql("""
                        SELECT certification_id, COUNT(*) AS scored, SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS passed
                        FROM attempt
                        WHERE started_at >= ? AND mode IN ('READINESS', 'MOCK') AND passed IS NOT NULL
                        GROUP BY certification_id""")
                .param(Timestamp.from(since))
                .query((rs, n) ->
                        new PassRate(rs.getLong("certification_id"), rs.getLong("scored"), rs.getLong("passed")))
                .list();
    }
}
