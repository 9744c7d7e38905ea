package com.cloudsquad.exam;

import com.cloudsquad.bank.ItemResponses;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam's side of bank's item statistics: the graded answers of closed readiness tests and mock
 * exams (submitted, or closed at the deadline, which scores them the same), read from exam's own
 * tables. Practice, drills and reviews are left out: they show explanations as you go and let
 * you retry missed questions, so their answers do not measure the item as a test does.
 */
@Component
class ScoredResponses implements ItemResponses {

    private final JdbcClient jdbc;

    ScoredResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Response> page(long afterVersionId, int size) {
        // The page's last version: the one `size` rows further along the version index (rows of
        // learning modes included, which only makes pages a little smaller), or the last one.
        Long upTo = jdbc.sql("""
                        SELECT version_id FROM attempt_question WHERE version_id > ?
                        ORDER BY version_id LIMIT 1 OFFSET ?""")
                .params(afterVersionId, Math.max(0, size - 1))
                .query(Long.class)
                .optional()
                .orElse(Long.MAX_VALUE);
        return jdbc.sql("""
                        SELECT a.id, a.account_id, a.mode, a.closed_at, a.correct_count, a.question_count,
                               aq.question_id, aq.version_id, aq.selected, aq.correct
                        FROM attempt_question aq JOIN attempt a ON a.id = aq.attempt_id
                        WHERE aq.version_id > ? AND aq.version_id <= ?
                          AND a.mode IN ('READINESS', 'MOCK') AND a.status IN ('SUBMITTED', 'EXPIRED')
                          AND a.correct_count IS NOT NULL
                        ORDER BY aq.version_id, a.account_id, a.closed_at, a.id""")
                .params(afterVersionId, upTo)
                .query((rs, n) -> new Response(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getString("mode"),
                        rs.getTimestamp("closed_at").toInstant(),
                        rs.getLong("question_id"),
                        rs.getLong("version_id"),
                        bits(rs.getString("selected")),
                        rs.getBoolean("correct"),
                        rs.getInt("correct_count"),
                        rs.getInt("question_count")))
                .list();
    }

    /** The stored choice, original positions separated by commas (e.g. 0 and 2), as bits 0 and 2 of a mask. */
    static int bits(String selected) {
        int bits = 0;
        if (selected == null) {
            return 0;
        }
        int value = -1;
        for (int i = 0; i < selected.length(); i++) {
            char c = selected.charAt(i);
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
            } else if (value >= 0) {
                bits |= 1 << value;
                value = -1;
            }
        }
        if (value >= 0) {
            bits |= 1 << value;
        }
        return bits;
    }
}
