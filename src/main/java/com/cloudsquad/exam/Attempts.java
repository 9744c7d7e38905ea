package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionDraw;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Certification;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attempt lifecycle: start, save, flag, check, leave, submit and closing by the clock. The
 * server is the clock: the deadline is stored at the start and checked on every save; a closed
 * attempt never changes again. Every state change is a single conditional UPDATE, so double
 * clicks, two tabs and two instances score once. Choosing questions is {@link QuestionSelection}'s
 * job, reads are {@link AttemptQueries}'.
 */
@Service
class Attempts {

    /** Saves in flight when the deadline passes still count for this long. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final QuestionBank bank;
    private final QuestionDraw draw;
    private final QuestionSelection selection;
    private final AttemptQueries queries;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Scoring scoring;

    Attempts(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            QuestionBank bank,
            QuestionDraw draw,
            QuestionSelection selection,
            AttemptQueries queries,
            Clock clock,
            ApplicationEventPublisher events,
            Scoring scoring) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.bank = bank;
        this.draw = draw;
        this.selection = selection;
        this.queries = queries;
        this.clock = clock;
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
            Optional<Attempt> open = queries.openTimed(accountId, certification.id());
            if (open.isPresent()) {
                return new Started(open.get().id(), true);
            }
        }
        List<QuestionSelection.Picked> picked = selection.pick(accountId, certification, request);
        int wanted = QuestionSelection.wanted(certification, request);
        if (mode == AttemptMode.REVIEW) {
            if (picked.isEmpty()) {
                throw new NothingToReviewException(certification.code());
            }
        } else if (picked.size() < wanted) {
            throw new NotEnoughQuestionsException(certification.code(), wanted, picked.size());
        }
        Map<Long, Integer> optionCounts = draw.optionCounts(
                picked.stream().map(QuestionSelection.Picked::versionId).toList());
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
            QuestionSelection.Picked q = picked.get(i);
            List<Integer> order = selection.optionOrder(optionCounts.getOrDefault(q.versionId(), 0));
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
        events.publishEvent(new AttemptStarted(attemptId, accountId, certification.id(), mode, now));
        return new Started(attemptId, false);
    }

    private static int minutes(Certification certification, AttemptMode mode) {
        return mode == AttemptMode.MOCK ? certification.examMinutes() : certification.readinessMinutes();
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
                queries.find(attemptId).filter(a -> a.accountId() == accountId).orElse(null);
        if (attempt == null || !attempt.mode().learning() || !attempt.open()) {
            return Optional.empty();
        }
        AttemptQuestion question = queries.questions(attemptId).stream()
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
        boolean right = AnswerKey.isRight(question.selected(), AnswerKey.correctPositions(version.content()));
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
        return queries.questions(attemptId).stream()
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

    /**
     * A timed attempt the candidate abandons before its deadline: closed unscored, its slot freed,
     * and no {@link AttemptSubmitted}, so it never counts towards progress.
     */
    @Transactional
    public boolean abandonTimed(long attemptId, long accountId) {
        return jdbc.sql("""
                        UPDATE attempt SET status = 'ABANDONED', closed_at = ?, open_timed_slot = NULL
                        WHERE id = ? AND account_id = ? AND status = 'IN_PROGRESS' AND deadline_at IS NOT NULL
                          AND deadline_at >= ?""")
                        .params(Timestamp.from(clock.instant()), attemptId, accountId, Timestamp.from(clock.instant()))
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
        Attempt attempt = queries.find(attemptId).orElseThrow();
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
        Attempt attempt = queries.find(attemptId).orElseThrow();
        if (!attempt.open() || attempt.deadlineAt() == null || !clock.instant().isAfter(attempt.deadlineAt())) {
            return false;
        }
        return close(attemptId, attempt.accountId(), AttemptStatus.EXPIRED);
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
        Attempt attempt = queries.find(attemptId).orElseThrow();
        List<AttemptQuestion> questions = queries.questions(attemptId);
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
        // A learning attempt finished early gets no scaled score and no verdict: 3 right of 3
        // answered says nothing of the 7 never seen, and 366 "not yet" would say the opposite.
        boolean honestScore = attempt.mode().timed() || questions.stream().allMatch(AttemptQuestion::answered);
        jdbc.sql("UPDATE attempt SET correct_count = ?, raw_percent = ?, scaled_score = ?, passed = ? WHERE id = ?")
                .params(
                        score.correct(),
                        score.rawPercent(),
                        honestScore ? score.scaled() : null,
                        honestScore ? score.passed() : null,
                        attemptId)
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

    record Started(long attemptId, boolean resumed) {}

    /**
     * What the candidate asked for.
     *
     * @param count questions for practice, drill and review (timed modes use the certification's)
     * @param domainId the drill's domain
     */
    record StartRequest(AttemptMode mode, int count, Long domainId) {

        static StartRequest of(AttemptMode mode) {
            return new StartRequest(mode, 0, null);
        }
    }

    enum SaveOutcome {
        SAVED,
        /** The attempt is closed (or past its deadline), or the answer was checked and locked. */
        CLOSED,
        /** A choice that is not one of the question's options: nothing saved. */
        INVALID,
        /** No such question in the candidate's own attempt. */
        NOT_FOUND
    }
}
