package com.cloudsquad.bank;

import com.cloudsquad.platform.AdminAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Item statistics per question version, as Moodle's quiz statistics report computes them (the
 * formulas are on {@link ItemAnalysis}), recomputed in the background and read from tables, never
 * computed on a page view.
 *
 * <p>Which attempts count: closed readiness tests and mock exams (what exam's {@link
 * ItemResponses} hands over), and of those, for each version, the first attempt by each candidate
 * that showed it (the earliest closed). That is Moodle's default "first attempt" reading applied per
 * version, because our tests are drawn at random rather than being one fixed quiz: a candidate's
 * second look at a question is no longer a first impression.
 *
 * <p>One pass in version order: exam pages the responses by version id (a version never split over
 * two pages), so only one page (about {@value #PAGE_SIZE} responses) and the small per-version
 * figures are ever held. One instance at a time: a claim row with an expiry.
 */
@Service
public class ItemStatistics {

    static final int PAGE_SIZE = 20_000;
    static final Duration LEASE = Duration.ofMinutes(10);

    /** What a recomputation did; {@code ran} is false when another one held the claim. */
    public record Outcome(boolean ran, long responses, int versions, int flagged, Duration took) {}

    private final ObjectProvider<ItemResponses> responses;
    private final ItemStatisticsStore store;
    private final AdminAudit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String owner = "item-statistics-" + UUID.randomUUID();

    ItemStatistics(
            ObjectProvider<ItemResponses> responses,
            ItemStatisticsStore store,
            AdminAudit audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.responses = responses;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Questions whose current version needs checking (retired ones left out), for the admin console. */
    public long questionsNeedingChecking() {
        return store.questionsNeedingChecking();
    }

    /**
     * Recomputes every version's figures and replaces the stored ones in one transaction.
     *
     * @param admin the admin who asked (recorded in the audit log with the result), or null for
     *     the scheduled job
     */
    public Outcome recompute(String admin) {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        if (!store.claim(owner, start, start.plus(LEASE))) {
            return new Outcome(false, 0, 0, 0, Duration.ZERO);
        }
        try {
            Pass pass = new Pass();
            ItemResponses source = responses.getIfAvailable();
            long after = 0;
            while (source != null) {
                List<ItemResponses.Response> page = source.page(after, PAGE_SIZE);
                if (page.isEmpty()) {
                    break;
                }
                long first = page.get(0).versionId();
                long last = page.get(page.size() - 1).versionId();
                pass.add(page, store.keys(first, last));
                after = last;
                store.extend(owner, clock.instant().plus(LEASE));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            List<ItemAnalysis.Figures> figures = pass.figures;
            int flagged = (int)
                    figures.stream().filter(ItemAnalysis.Figures::needsChecking).count();
            transactions.executeWithoutResult(tx -> {
                store.replaceAll(figures, clock.instant(), pass.responses, took.toMillis());
                if (admin != null) {
                    audit.record(
                            admin,
                            "item-statistics.recompute",
                            "item statistics",
                            figures.size() + " versions from " + pass.responses + " answers; " + flagged
                                    + " need checking.");
                }
            });
            return new Outcome(true, pass.responses, figures.size(), flagged, took);
        } finally {
            store.release(owner);
        }
    }

    /**
     * The ordered pass: responses arrive by version, then candidate, then time, so the first row of
     * each candidate within a version is their first attempt at it and the others are skipped.
     */
    static final class Pass {

        final List<ItemAnalysis.Figures> figures = new ArrayList<>();
        long responses;

        private double[] marks = new double[1024];
        private double[] rest = new double[1024];
        private int[] selected = new int[1024];

        void add(List<ItemResponses.Response> page, Map<Long, ItemStatisticsStore.Key> keys) {
            int from = 0;
            while (from < page.size()) {
                long version = page.get(from).versionId();
                int to = from;
                int count = 0;
                long lastAccount = Long.MIN_VALUE;
                while (to < page.size() && page.get(to).versionId() == version) {
                    ItemResponses.Response r = page.get(to++);
                    responses++;
                    if (r.accountId() == lastAccount) {
                        continue; // a later attempt by the same candidate
                    }
                    lastAccount = r.accountId();
                    grow(count + 1);
                    double x = r.correct() ? 1 : 0;
                    marks[count] = x;
                    rest[count] = r.attemptQuestions() > 1 ? (r.attemptCorrect() - x) / (r.attemptQuestions() - 1) : 0;
                    selected[count] = r.selected();
                    count++;
                }
                ItemStatisticsStore.Key key = keys.get(version);
                if (key != null) { // a version without options cannot have been shown; skip it
                    figures.add(ItemAnalysis.analyse(
                            version,
                            page.get(from).questionId(),
                            marks,
                            rest,
                            selected,
                            count,
                            key.keyBits(),
                            key.optionCount()));
                }
                from = to;
            }
        }

        private void grow(int size) {
            if (size > marks.length) {
                int capacity = Math.max(size, marks.length * 2);
                marks = Arrays.copyOf(marks, capacity);
                rest = Arrays.copyOf(rest, capacity);
                selected = Arrays.copyOf(selected, capacity);
            }
        }
    }

    // ---- reads for the admin pages (package-private) ----

    /** One page of the admin list. */
    record ListPage(List<ItemStatisticsStore.Row> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    /** A version's figures with its options, for the question's edit page. */
    record VersionFigures(ItemStatisticsStore.Row figures, List<ItemStatisticsStore.OptionShare> options) {}

    static final int LIST_SIZE = 50;

    ListPage list(String sort, boolean flaggedOnly, Long certificationId, int page) {
        int safePage = Math.max(0, page);
        return new ListPage(
                store.page(sort, flaggedOnly, certificationId, safePage * LIST_SIZE, LIST_SIZE),
                store.count(flaggedOnly, certificationId),
                safePage,
                LIST_SIZE);
    }

    List<VersionFigures> forQuestion(long questionId) {
        List<ItemStatisticsStore.Row> rows = store.forQuestion(questionId);
        Map<Long, List<ItemStatisticsStore.OptionRow>> options = store.options(
                rows.stream().map(ItemStatisticsStore.Row::versionId).toList());
        return rows.stream()
                .map(r -> new VersionFigures(
                        r,
                        options.getOrDefault(r.versionId(), List.of()).stream()
                                .map(o -> o.share(r.attempts(), r.strongCount()))
                                .toList()))
                .toList();
    }

    ItemStatisticsStore.Run lastRun() {
        return store.run(clock.instant());
    }
}
