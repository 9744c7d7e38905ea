package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of attempts (progress, analysis, item statistics, the home page):
 * facts of closed attempts and a candidate's graded answers, never the exam's tables themselves.
 * Question texts and keys stay in the bank; these name questions by id and exact version.
 */
@Service
public class AttemptRecords {

    private final JdbcClient jdbc;
    private final AttemptQueries queries;
    private final QuestionBank bank;

    AttemptRecords(JdbcClient jdbc, AttemptQueries queries, QuestionBank bank) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.bank = bank;
    }

    /** A closed, scored attempt: its score and how it did per exam domain. */
    public record AttemptResult(
            long attemptId,
            long accountId,
            long certificationId,
            AttemptMode mode,
            AttemptStatus status,
            Instant startedAt,
            Instant closedAt,
            int correct,
            int total,
            Integer scaledScore,
            Boolean passed,
            List<DomainScore> domains) {}

    /** Right answers out of the questions shown in one domain (unanswered counts as wrong). */
    public record DomainScore(long domainId, int correct, int total) {}

    /**
     * One question of an attempt as the candidate answered it.
     *
     * @param selected the original positions of the chosen options (as the bank numbers them)
     * @param correct null while not graded (an open attempt, or an unchecked practice answer)
     * @param difficulty the difficulty (1 easy – 3 hard) of the version shown, as the bank stored it
     */
    public record AnsweredQuestion(
            int position,
            long questionId,
            long versionId,
            long domainId,
            Set<Integer> selected,
            Boolean correct,
            boolean flagged,
            int difficulty) {

        public boolean answered() {
            return !selected.isEmpty();
        }
    }

    /** A graded answer of the candidate, for mastery: right or wrong, and when. */
    public record RecentAnswer(
            long attemptId, long questionId, long versionId, long domainId, boolean correct, Instant gradedAt) {}

    /** A scored attempt in a candidate's history, for a trend. */
    public record ScoredAttempt(
            long attemptId, AttemptMode mode, Instant closedAt, int correct, int total, Integer scaledScore) {}

    /**
     * The candidate's scored attempts in a certification closed before {@code attemptId} (that
     * attempt excluded), the newest {@code limit} of them, oldest first.
     */
    @Transactional(readOnly = true)
    public List<ScoredAttempt> scoredBefore(long accountId, long certificationId, long attemptId, int limit) {
        List<ScoredAttempt> newestFirst = jdbc.sql("""
                        SELECT id, mode, closed_at, correct_count, question_count, scaled_score FROM attempt
                        WHERE account_id = ? AND certification_id = ? AND id < ? AND status IN ('SUBMITTED', 'EXPIRED')
                          AND correct_count IS NOT NULL
                        ORDER BY id DESC LIMIT ?""")
                .params(accountId, certificationId, attemptId, limit)
                .query((rs, n) -> new ScoredAttempt(
                        rs.getLong("id"),
                        AttemptMode.valueOf(rs.getString("mode")),
                        rs.getTimestamp("closed_at").toInstant(),
                        rs.getInt("correct_count"),
                        rs.getInt("question_count"),
                        (Integer) rs.getObject("scaled_score", Integer.class)))
                .list();
        List<ScoredAttempt> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The candidate's attempts still in progress, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> openAttempts(long accountId) {
        return queries.open(accountId);
    }

    /**
     * Whether the candidate has completed a test: a readiness test or mock exam closed and scored
     * (feedback lets only them review the platform). One probe of the account's index.
     */
    @Transactional(readOnly = true)
    public boolean hasCompletedTest(long accountId) {
        return !jdbc.sql("""
                        SELECT 1 FROM attempt
                        WHERE account_id = ? AND mode IN ('READINESS', 'MOCK') AND status IN ('SUBMITTED', 'EXPIRED')
                          AND scaled_score IS NOT NULL
                        LIMIT 1""").param(accountId).query(Integer.class).list().isEmpty();
    }

    /** The result of a closed attempt; empty while it is open or when it does not exist. */
    @Transactional(readOnly = true)
    public Optional<AttemptResult> result(long attemptId) {
        return queries.find(attemptId).filter(a -> !a.open()).map(a -> {
            Map<Long, int[]> byDomain = new LinkedHashMap<>();
            int correct = 0;
            List<AttemptQuestion> questions = queries.questions(attemptId);
            for (AttemptQuestion q : questions) {
                int[] counts = byDomain.computeIfAbsent(q.domainId(), d -> new int[2]);
                counts[1]++;
                if (Boolean.TRUE.equals(q.correct())) {
                    counts[0]++;
                    correct++;
                }
            }
            List<DomainScore> domains = new ArrayList<>();
            byDomain.forEach((domain, counts) -> domains.add(new DomainScore(domain, counts[0], counts[1])));
            return new AttemptResult(
                    a.id(),
                    a.accountId(),
                    a.certificationId(),
                    a.mode(),
                    a.status(),
                    a.startedAt(),
                    a.closedAt(),
                    correct,
                    questions.size(),
                    a.scaledScore(),
                    a.passed(),
                    List.copyOf(domains));
        });
    }

    /** Every question of an attempt with the exact version shown and the outcome, in order. */
    @Transactional(readOnly = true)
    public List<AnsweredQuestion> answers(long attemptId) {
        List<AttemptQuestion> questions = queries.questions(attemptId);
        // versions come from the bank's cache of published versions (an attempt only shows those)
        Map<Long, QuestionVersion> versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        return questions.stream()
                .map(q -> new AnsweredQuestion(
                        q.position(),
                        q.questionId(),
                        q.versionId(),
                        q.domainId(),
                        Set.copyOf(new HashSet<>(q.selected())),
                        q.correct(),
                        q.flagged(),
                        versions.containsKey(q.versionId())
                                ? versions.get(q.versionId()).content().difficulty()
                                : 2))
                .toList();
    }

    /**
     * Closed, scored attempts of every candidate after {@code afterAttemptId}, oldest id first, as
     * the event that announced each (for rebuilding what other modules derived from the events).
     * Pages over the primary key, so each page costs the same however many attempts there are.
     */
    @Transactional(readOnly = true)
    public List<AttemptSubmitted> scoredAttemptsAfter(long afterAttemptId, int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.account_id, a.certification_id, a.mode, a.status, a.correct_count,
                               a.scaled_score, a.passed, a.closed_at,
                               (SELECT COUNT(*) FROM attempt_question aq WHERE aq.attempt_id = a.id) AS total
                        FROM attempt a
                        WHERE a.id > ? AND a.status IN ('SUBMITTED', 'EXPIRED') AND a.scaled_score IS NOT NULL
                        ORDER BY a.id LIMIT ?""")
                .params(afterAttemptId, limit)
                .query((rs, n) -> new AttemptSubmitted(
                        rs.getLong("id"),
                        rs.getLong("account_id"),
                        rs.getLong("certification_id"),
                        AttemptMode.valueOf(rs.getString("mode")),
                        rs.getInt("correct_count"),
                        rs.getInt("total"),
                        rs.getInt("scaled_score"),
                        rs.getBoolean("passed"),
                        AttemptStatus.EXPIRED.name().equals(rs.getString("status")),
                        rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    /**
     * The candidate's latest graded answers in a certification, newest first: answers of closed
     * attempts and checked practice answers.
     */
    @Transactional(readOnly = true)
    public List<RecentAnswer> recentAnswers(long accountId, long certificationId, int limit) {
        return jdbc.sql("""
                        SELECT a.id AS attempt_id, aq.question_id, aq.version_id, aq.domain_id, aq.correct,
                               COALESCE(aq.checked_at, a.closed_at) AS graded_at
                        FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
                        WHERE a.account_id = ? AND a.certification_id = ? AND aq.correct IS NOT NULL
                          AND COALESCE(aq.checked_at, a.closed_at) IS NOT NULL
                        ORDER BY graded_at DESC, a.id DESC, aq.position DESC
                        LIMIT ?""")
                .params(accountId, certificationId, limit)
                .query((rs, n) -> new RecentAnswer(
                        rs.getLong("attempt_id"),
                        rs.getLong("question_id"),
                        rs.getLong("version_id"),
                        rs.getLong("domain_id"),
                        rs.getBoolean("correct"),
                        rs.getTimestamp("graded_at").toInstant()))
                .list();
    }
}
