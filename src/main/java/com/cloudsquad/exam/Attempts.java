package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.bank.QuestionDraw;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts and their state machine. The server is the clock: the deadline is stored at the start
 * and checked on every save; a closed attempt never changes again. Every state change is a
 * single conditional UPDATE, so double clicks, two tabs and two instances score once.
 */
@Service
public class Attempts {

    /** Saves in flight when the deadline passes still count for this long. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final int RECENT_QUESTIONS = 300;

    private final JdbcClient jdbc;
    private final QuestionDraw draw;
    private final Clock clock;
    private final RandomGenerator random;
    private final ApplicationEventPublisher events;
    private final Scoring scoring;
    private final JdbcTemplate jdbcTemplate;
    private final QuestionBank bank;

    Attempts(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            QuestionBank bank,
            QuestionDraw draw,
            Clock clock,
            RandomGenerator random,
            ApplicationEventPublisher events,
            Scoring scoring) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.bank = bank;
        this.draw = draw;
        this.clock = clock;
        this.random = random;
        this.events = events;
        this.scoring = scoring;
    }

    /**
     * Starts an attempt. A timed one returns the candidate's open timed attempt of this
     * certification instead, if there is one (resuming beats losing an attempt to a second tab).
     */
    @Transactional
    public Started start(long accountId, Certification certification, StartRequest request) {
        AttemptMode mode = request.mode();
        if (mode.timed()) {
            Optional<Attempt> open = openTimed(accountId, certification.id());
            if (open.isPresent()) {
                return new Started(open.get().id(), true);
            }
        }
        List<Picked> picked = pick(accountId, certification, request);
        int wanted = wantedCount(certification, request);
        if (mode == AttemptMode.REVIEW) {
            if (picked.isEmpty()) {
                throw new NothingToReviewException(certification.code());
            }
        } else if (picked.size() < wanted) {
            throw new NotEnoughQuestionsException(certification.code(), wanted, picked.size());
        }
        if (mode != AttemptMode.REVIEW) {
            shuffle(picked);
        }
        Map<Long, Integer> optionCounts =
                draw.optionCounts(picked.stream().map(Picked::versionId).toList());
        Instant now = clock.instant();
        Instant deadline = mode.timed() ? now.plus(Duration.ofMinutes(minutes(certification, mode))) : null;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO attempt (account_id, certification_id, mode, domain_id, status, question_count,
                                                 started_at, deadline_at, open_timed_slot)
                            VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)""")
                    .params(
                            accountId,
                            certification.id(),
                            mode.name(),
                            request.domainId(),
                            picked.size(),
                            Timestamp.from(now),
                            deadline == null ? null : Timestamp.from(deadline),
                            mode.timed() ? 1 : null)
                    .update(key, "id");
        } catch (DuplicateKeyException startedInAnotherTab) {
            // The other tab's attempt was committed after this transaction's snapshot: a locking
            // read sees it.
            long id = jdbc.sql("""
                            SELECT id FROM attempt
                            WHERE account_id = ? AND certification_id = ? AND open_timed_slot = 1 FOR UPDATE""")
                    .params(accountId, certification.id())
                    .query(Long.class)
                    .single();
            return new Started(id, true);
        }
        long attemptId = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            Picked q = picked.get(i);
            List<Integer> order = IntStream.range(0, optionCounts.getOrDefault(q.versionId(), 0))
                    .boxed()
                    .collect(Collectors.toCollection(ArrayList::new));
            shuffle(order);
            rows.add(new Object[] {
                attemptId,
                i + 1,
                q.questionId(),
                q.versionId(),
                q.domainId(),
                order.stream().map(String::valueOf).collect(Collectors.joining(","))
            });
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO attempt_question (attempt_id, position, question_id, version_id, domain_id, option_order)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
        return new Started(attemptId, false);
    }

    private static int minutes(Certification certification, AttemptMode mode) {
        return mode == AttemptMode.MOCK ? certification.examMinutes() : certification.readinessMinutes();
    }

    private static int wantedCount(Certification certification, StartRequest request) {
        return switch (request.mode()) {
            case MOCK -> certification.examQuestions();
            case READINESS -> certification.readinessQuestions();
            case PRACTICE, DRILL, REVIEW -> request.count();
        };
    }

    private List<Picked> pick(long accountId, Certification certification, StartRequest request) {
        Set<Long> recent = recentQuestions(accountId);
        List<Picked> picked = new ArrayList<>();
        switch (request.mode()) {
            case READINESS, MOCK, PRACTICE -> {
                Map<Long, Integer> weights = new LinkedHashMap<>();
                certification.domains().forEach(d -> weights.put(d.id(), d.weightPercent()));
                Map<Long, Integer> quota = DomainQuota.allocate(weights, wantedCount(certification, request));
                for (ExamDomain domain : certification.domains()) {
                    draw.draw(domain.id(), quota.get(domain.id()), recent)
                            .forEach(q -> picked.add(new Picked(q.questionId(), q.versionId(), domain.id())));
                }
            }
            case DRILL -> {
                ExamDomain domain = certification
                        .domain(request.domainId() == null ? -1 : request.domainId())
                        .orElseThrow(() -> new IllegalArgumentException("Choose a domain of " + certification.code()));
                draw.draw(domain.id(), request.count(), recent)
                        .forEach(q -> picked.add(new Picked(q.questionId(), q.versionId(), domain.id())));
            }
            case REVIEW -> {
                List<Long> queue = missedQuestions(accountId, certification.id());
                List<QuestionDraw.Drawn> current = draw.published(queue);
                Map<Long, Long> domains = draw.domains(
                        current.stream().map(QuestionDraw.Drawn::questionId).toList());
                current.stream()
                        .limit(request.count())
                        .forEach(q ->
                                picked.add(new Picked(q.questionId(), q.versionId(), domains.get(q.questionId()))));
            }
        }
        return picked;
    }

    /**
     * The questions this candidate got wrong and has not since answered right twice at least a
     * day apart, the oldest miss first.
     */
    @Transactional(readOnly = true)
    public List<Long> missedQuestions(long accountId, long certificationId) {
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
        return MissedQueue.order(byQuestion);
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> find(long attemptId) {
        return jdbc.sql("SELECT * FROM attempt WHERE id = ?")
                .param(attemptId)
                .query(Attempts::toAttempt)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<AttemptQuestion> questions(long attemptId) {
        return jdbc.sql("SELECT * FROM attempt_question WHERE attempt_id = ? ORDER BY position")
                .param(attemptId)
                .query((rs, n) -> new AttemptQuestion(
                        rs.getInt("position"),
                        rs.getLong("question_id"),
                        rs.getLong("version_id"),
                        rs.getLong("domain_id"),
                        AttemptQuestion.parseList(rs.getString("option_order")),
                        new HashSet<>(AttemptQuestion.parseList(rs.getString("selected"))),
                        rs.getBoolean("flagged"),
                        rs.getTimestamp("checked_at") != null,
                        (Boolean) rs.getObject("correct", Boolean.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Attempt> history(long accountId) {
        return jdbc.sql("SELECT * FROM attempt WHERE account_id = ? ORDER BY started_at DESC LIMIT 50")
                .param(accountId)
                .query(Attempts::toAttempt)
                .list();
    }

    /** Everyone's most recent attempts, newest first (the admin list), optionally of one certification. */
    @Transactional(readOnly = true)
    public List<Attempt> recent(Long certificationId, int limit) {
        return jdbc.sql(
                        "SELECT * FROM attempt WHERE (? IS NULL OR certification_id = ?) ORDER BY started_at DESC LIMIT ?")
                .params(certificationId, certificationId, limit)
                .query(Attempts::toAttempt)
                .list();
    }

    /** The candidate's attempts still in progress (to resume them from the home page). */
    @Transactional(readOnly = true)
    public List<Attempt> open(long accountId) {
        return jdbc.sql(
                        "SELECT * FROM attempt WHERE account_id = ? AND status = 'IN_PROGRESS' ORDER BY started_at DESC")
                .param(accountId)
                .query(Attempts::toAttempt)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> openTimed(long accountId, long certificationId) {
        return jdbc.sql("SELECT * FROM attempt WHERE account_id = ? AND certification_id = ? AND open_timed_slot = 1")
                .params(accountId, certificationId)
                .query(Attempts::toAttempt)
                .optional();
    }

    /**
     * Saves a choice (original option positions) the moment it is made, in one transaction with
     * the lookup that proves the question is the candidate's and the choice one of its options.
     * Refused once the attempt is closed or its deadline (plus a short grace for saves in flight)
     * has passed.
     */
    @Transactional
    public SaveOutcome saveAnswer(long attemptId, long accountId, int position, Set<Integer> choice) {
        Optional<String> order = jdbc.sql("""
                        SELECT aq.option_order FROM attempt_question aq JOIN attempt a ON a.id = aq.attempt_id
                        WHERE aq.attempt_id = ? AND aq.position = ? AND a.account_id = ?""")
                .params(attemptId, position, accountId)
                .query(String.class)
                .optional();
        if (order.isEmpty()) {
            return SaveOutcome.NOT_FOUND;
        }
        int options = AttemptQuestion.parseList(order.get()).size();
        if (choice.stream().anyMatch(c -> c < 0 || c >= options)) {
            return SaveOutcome.INVALID;
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        UPDATE attempt_question aq JOIN attempt a ON a.id = aq.attempt_id
                        SET aq.selected = ?, aq.answered_at = ?
                        WHERE aq.attempt_id = ? AND aq.position = ? AND a.account_id = ? AND a.status = 'IN_PROGRESS'
                          AND aq.checked_at IS NULL AND (a.deadline_at IS NULL OR a.deadline_at >= ?)""")
                .params(
                        choice.isEmpty() ? null : AttemptQuestion.join(choice),
                        Timestamp.from(now),
                        attemptId,
                        position,
                        accountId,
                        Timestamp.from(now.minus(GRACE)))
                .update();
        return updated == 1 ? SaveOutcome.SAVED : SaveOutcome.CLOSED;
    }

    @Transactional
    public SaveOutcome setFlag(long attemptId, long accountId, int position, boolean flagged) {
        int updated =
                jdbc.sql("""
                        UPDATE attempt_question aq JOIN attempt a ON a.id = aq.attempt_id
                        SET aq.flagged = ?
                        WHERE aq.attempt_id = ? AND aq.position = ? AND a.account_id = ? AND a.status = 'IN_PROGRESS'""").params(flagged, attemptId, position, accountId).update();
        return updated == 1 ? SaveOutcome.SAVED : SaveOutcome.CLOSED;
    }

    /**
     * Learning modes: checks the saved answer and locks it. Returns whether it was right, or
     * empty when there is nothing to check (no answer, not a learning attempt, closed). Checking
     * twice is harmless: the first check stands.
     */
    @Transactional
    public Optional<Boolean> check(long attemptId, long accountId, int position) {
        Attempt attempt =
                find(attemptId).filter(a -> a.accountId() == accountId).orElse(null);
        if (attempt == null || !attempt.mode().learning() || !attempt.open()) {
            return Optional.empty();
        }
        AttemptQuestion question = questions(attemptId).stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElse(null);
        if (question == null || !question.answered()) {
            return Optional.empty();
        }
        if (question.checked()) {
            return Optional.ofNullable(question.correct());
        }
        QuestionVersion version = bank.version(question.versionId()).orElseThrow();
        boolean right = AnswerKey.isRight(question.selected(), correctPositions(version.content()));
        jdbc.sql("""
                        UPDATE attempt_question SET checked_at = ?, correct = ?
                        WHERE attempt_id = ? AND position = ? AND checked_at IS NULL AND selected = ?""")
                .params(
                        Timestamp.from(clock.instant()),
                        right,
                        attemptId,
                        position,
                        AttemptQuestion.join(question.selected()))
                .update();
        return questions(attemptId).stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .map(AttemptQuestion::correct);
    }

    /** A learning attempt the candidate leaves: closed, not scored; checked answers still count for review. */
    @Transactional
    public boolean abandon(long attemptId, long accountId) {
        return jdbc.sql("""
                        UPDATE attempt SET status = 'ABANDONED', closed_at = ?
                        WHERE id = ? AND account_id = ? AND status = 'IN_PROGRESS' AND deadline_at IS NULL""")
                        .params(Timestamp.from(clock.instant()), attemptId, accountId)
                        .update()
                == 1;
    }

    /** The candidate submits. True when this call closed it; false when it was already closed. */
    @Transactional
    public boolean submit(long attemptId, long accountId) {
        return close(attemptId, accountId, AttemptStatus.SUBMITTED);
    }

    /** Closes the attempt by the clock if its deadline has passed (on any access, and by the job). */
    @Transactional
    public boolean expireIfOverdue(long attemptId) {
        Attempt attempt = find(attemptId).orElseThrow();
        if (attempt.status() != AttemptStatus.IN_PROGRESS
                || attempt.deadlineAt() == null
                || !clock.instant().isAfter(attempt.deadlineAt().plus(GRACE))) {
            return false;
        }
        return close(attemptId, attempt.accountId(), AttemptStatus.EXPIRED);
    }

    /**
     * Closes the attempt as soon as its deadline has passed, without the grace period: for the
     * candidate's own browser, which has sent its last save before asking for the results.
     */
    @Transactional
    public boolean expireAtDeadline(long attemptId) {
        Attempt attempt = find(attemptId).orElseThrow();
        if (!attempt.open() || attempt.deadlineAt() == null || !clock.instant().isAfter(attempt.deadlineAt())) {
            return false;
        }
        return close(attemptId, attempt.accountId(), AttemptStatus.EXPIRED);
    }

    /** Overdue attempts, for the closing job. */
    @Transactional(readOnly = true)
    public List<Long> overdue(int limit) {
        return jdbc.sql(
                        "SELECT id FROM attempt WHERE status = 'IN_PROGRESS' AND deadline_at < ? ORDER BY deadline_at LIMIT ?")
                .params(Timestamp.from(clock.instant().minus(GRACE)), limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims the attempt with one conditional UPDATE (only one caller can move it out of
     * IN_PROGRESS), then scores it and records AttemptSubmitted in the same transaction.
     */
    private boolean close(long attemptId, long accountId, AttemptStatus status) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        UPDATE attempt SET status = ?, closed_at = ?, open_timed_slot = NULL
                        WHERE id = ? AND account_id = ? AND status = 'IN_PROGRESS'""")
                .params(status.name(), Timestamp.from(now), attemptId, accountId)
                .update();
        if (claimed == 0) {
            return false;
        }
        Attempt attempt = find(attemptId).orElseThrow();
        List<AttemptQuestion> questions = questions(attemptId);
        Scoring.Score score = scoring.score(attempt, questions);
        if (attempt.mode().timed()) {
            jdbcTemplate.batchUpdate(
                    "UPDATE attempt_question SET correct = ? WHERE attempt_id = ? AND position = ?",
                    questions.stream()
                            .map(q -> new Object[] {
                                score.correctPositions().contains(q.position()), attemptId, q.position()
                            })
                            .toList());
        }
        jdbc.sql("UPDATE attempt SET correct_count = ?, raw_percent = ?, scaled_score = ?, passed = ? WHERE id = ?")
                .params(score.correct(), score.rawPercent(), score.scaled(), score.passed(), attemptId)
                .update();
        events.publishEvent(new AttemptSubmitted(
                attemptId,
                accountId,
                attempt.certificationId(),
                attempt.mode(),
                score.correct(),
                questions.size(),
                score.scaled(),
                score.passed(),
                status == AttemptStatus.EXPIRED,
                now));
        return true;
    }

    private Set<Long> recentQuestions(long accountId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT aq.question_id FROM attempt a JOIN attempt_question aq ON aq.attempt_id = a.id
                        WHERE a.account_id = ? ORDER BY a.started_at DESC LIMIT ?""")
                .params(accountId, RECENT_QUESTIONS)
                .query(Long.class)
                .list());
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static Attempt toAttempt(ResultSet rs, int n) throws SQLException {
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

    private record Picked(long questionId, long versionId, long domainId) {}

    public record Started(long attemptId, boolean resumed) {}

    /**
     * What the candidate asked for.
     *
     * @param count questions for practice, drill and review (timed modes use the certification's)
     * @param domainId the drill's domain
     */
    public record StartRequest(AttemptMode mode, int count, Long domainId) {

        public static StartRequest of(AttemptMode mode) {
            return new StartRequest(mode, 0, null);
        }
    }

    public enum SaveOutcome {
        SAVED,
        /** The attempt is closed (or past its deadline), or the answer was checked and locked. */
        CLOSED,
        /** A choice that is not one of the question's options: nothing saved. */
        INVALID,
        /** No such question in the candidate's own attempt. */
        NOT_FOUND
    }

    static Set<Integer> correctPositions(QuestionContent content) {
        Set<Integer> correct = new HashSet<>();
        for (int i = 0; i < content.options().size(); i++) {
            if (content.options().get(i).correct()) {
                correct.add(i);
            }
        }
        return correct;
    }
}
