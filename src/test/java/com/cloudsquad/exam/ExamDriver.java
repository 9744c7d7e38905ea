package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes tests through the exam's real lifecycle for other modules' tests (progress, site), which
 * cannot reach the package-private {@code Attempts}: a certification of its own and candidates.
 */
public final class ExamDriver {

    private final ExamFixture fixture;
    private final Attempts attempts;
    private final AttemptQueries queries;
    private final QuestionBank bank;
    private final JdbcClient jdbc;

    private ExamDriver(ApplicationContext context, int questionsPerDomain) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.bank = context.getBean(QuestionBank.class);
        this.attempts = context.getBean(Attempts.class);
        this.queries = context.getBean(AttemptQueries.class);
        this.fixture = ExamFixture.create(jdbc, context.getBean(Catalog.class), bank, questionsPerDomain);
    }

    /** A certification of its own: 4 domains weighted 40/30/20/10, readiness 10 questions, mock 20. */
    public static ExamDriver create(ApplicationContext context, int questionsPerDomain) {
        return new ExamDriver(context, questionsPerDomain);
    }

    public Certification certification() {
        return fixture.certification;
    }

    public long candidate(String prefix) {
        return ExamFixture.account(jdbc, prefix);
    }

    /** Starts a test, answers position p right when {@code right} says so (wrong otherwise), submits. */
    public long take(long account, AttemptMode mode, IntPredicate right) {
        return finish(account, start(account, mode, 10, null), right);
    }

    public long start(long account, AttemptMode mode, int count, Long domainId) {
        return attempts.start(account, fixture.certification, new Attempts.StartRequest(mode, count, domainId))
                .attemptId();
    }

    public long finish(long account, long attemptId, IntPredicate right) {
        List<AttemptQuestion> questions = queries.questions(attemptId);
        var versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        for (AttemptQuestion q : questions) {
            QuestionContent content = versions.get(q.versionId()).content();
            Set<Integer> correct = AnswerKey.correctPositions(content);
            Set<Integer> choice = right.test(q.position())
                    ? correct
                    : Set.of(IntStream.range(0, content.options().size())
                            .filter(i -> !correct.contains(i))
                            .findFirst()
                            .orElseThrow());
            attempts.saveAnswer(attemptId, account, q.position(), choice);
            if (!mode(attemptId).timed()) {
                attempts.check(attemptId, account, q.position());
            }
        }
        attempts.submit(attemptId, account);
        return attemptId;
    }

    private AttemptMode mode(long attemptId) {
        return queries.find(attemptId).orElseThrow().mode();
    }

    /** Every attempt's question ids, for assertions on what was drawn. */
    public Set<Long> questionIds(long attemptId) {
        return queries.questions(attemptId).stream()
                .map(AttemptQuestion::questionId)
                .collect(Collectors.toSet());
    }
}
