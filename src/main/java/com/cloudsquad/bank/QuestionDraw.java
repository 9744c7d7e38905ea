package com.cloudsquad.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws random published questions of one domain. Each question carries a random key fixed at
 * creation; a draw starts at a random point of the (domain, status, random_key) index and reads
 * a few rows on from there, so its cost does not grow with the bank (no ORDER BY RAND()).
 */
@Service
public class QuestionDraw {

    /** Easy, medium, hard in the bank's intended 30/50/20 mix. */
    static final int[] DIFFICULTY_SHARE = {30, 50, 20};

    private final JdbcClient jdbc;
    private final RandomGenerator random;

    QuestionDraw(JdbcClient jdbc, RandomGenerator random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /**
     * Up to {@code count} different questions, avoiding {@code avoid} (recently seen) while others
     * are available, with a mix of difficulties.
     */
    @Transactional(readOnly = true)
    public List<Drawn> draw(long domainId, int count, Set<Long> avoid) {
        if (count <= 0) {
            return List.of();
        }
        int[] targets = shares(count);
        List<Drawn> candidates = candidates(domainId, count, avoid, targets);
        List<Drawn> fresh =
                candidates.stream().filter(c -> !avoid.contains(c.questionId())).toList();
        List<Drawn> seen =
                candidates.stream().filter(c -> avoid.contains(c.questionId())).toList();
        List<Drawn> picked = new ArrayList<>();
        // difficulty targets first, from questions not seen recently
        for (int d = 1; d <= 3; d++) {
            int difficulty = d;
            fresh.stream()
                    .filter(c -> c.difficulty() == difficulty)
                    .limit(targets[d - 1])
                    .forEach(picked::add);
        }
        for (List<Drawn> pool : List.of(fresh, seen)) {
            for (Drawn c : pool) {
                if (picked.size() >= count) {
                    break;
                }
                if (!picked.contains(c)) {
                    picked.add(c);
                }
            }
        }
        return picked.size() > count ? picked.subList(0, count) : picked;
    }

    /**
     * Up to {@code count} different questions around one difficulty (an adaptive drill): the same
     * index window as {@link #draw}, taking the questions closest to {@code difficulty} first and
     * those not seen recently before those seen.
     */
    @Transactional(readOnly = true)
    public List<Drawn> drawAround(long domainId, int count, Set<Long> avoid, int difficulty) {
        if (count <= 0) {
            return List.of();
        }
        List<Drawn> candidates = candidates(domainId, count, avoid, null);
        java.util.Comparator<Drawn> closest = java.util.Comparator.comparingInt(
                        (Drawn c) -> avoid.contains(c.questionId()) ? 1 : 0)
                .thenComparingInt(c -> Math.abs(c.difficulty() - difficulty));
        return candidates.stream().sorted(closest).limit(count).toList();
    }

    /**
     * The current versions of these questions that are still published, in the order given (a
     * missed-question review shows the question as it reads today).
     */
    @Transactional(readOnly = true)
    public List<Drawn> published(List<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Drawn> byId = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, current_version_id, difficulty, domain_id FROM question
                        WHERE id IN (:ids) AND status = 'PUBLISHED'""").param("ids", questionIds).query(rs -> {
            byId.put(
                    rs.getLong("id"),
                    new Drawn(rs.getLong("id"), rs.getLong("current_version_id"), rs.getInt("difficulty")));
        });
        return questionIds.stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** The domain of each question. */
    @Transactional(readOnly = true)
    public Map<Long, Long> domains(Collection<Long> questionIds) {
        Map<Long, Long> domains = new LinkedHashMap<>();
        if (questionIds.isEmpty()) {
            return domains;
        }
        jdbc.sql("SELECT id, domain_id FROM question WHERE id IN (:ids)")
                .param("ids", questionIds)
                .query(rs -> {
                    domains.put(rs.getLong("id"), rs.getLong("domain_id"));
                });
        return domains;
    }

    /** How many options each version has, for shuffling. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> optionCounts(Collection<Long> versionIds) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        if (versionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT version_id, COUNT(*) AS n FROM question_option WHERE version_id IN (:ids) GROUP BY version_id")
                .param("ids", versionIds)
                .query(rs -> {
                    counts.put(rs.getLong("version_id"), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * The draw's candidates: {@code count * 4} rows of the index from a random point (wrapping
     * round), enough for the difficulty mix. Only when that window holds a recently seen question,
     * or too few of a difficulty, is it read again with as many more rows as the candidate has seen
     * questions (at most 400): on a large bank a candidate's few hundred recent questions are
     * rarely in a window of 40, so most starts read 40 rows per domain rather than 340.
     */
    private List<Drawn> candidates(long domainId, int count, Set<Long> avoid, int[] targets) {
        double start = random.nextDouble();
        int small = count * 4;
        List<Drawn> candidates = wrappedWindow(domainId, start, small);
        if (candidates.size() == small
                && (candidates.stream().anyMatch(c -> avoid.contains(c.questionId()))
                        || (targets != null && !meets(candidates, targets)))) {
            candidates = wrappedWindow(domainId, start, small + Math.min(avoid.size(), 400));
        }
        return candidates;
    }

    private static boolean meets(List<Drawn> candidates, int[] targets) {
        int[] found = new int[3];
        candidates.forEach(c -> {
            if (c.difficulty() >= 1 && c.difficulty() <= 3) {
                found[c.difficulty() - 1]++;
            }
        });
        return found[0] >= targets[0] && found[1] >= targets[1] && found[2] >= targets[2];
    }

    private List<Drawn> wrappedWindow(long domainId, double start, int size) {
        List<Drawn> candidates = new ArrayList<>(window(domainId, ">=", start, size));
        if (candidates.size() < size) {
            candidates.addAll(window(domainId, "<", start, size - candidates.size()));
        }
        return candidates;
    }

    private List<Drawn> window(long domainId, String comparison, double start, int limit) {
        return jdbc.sql("""
                        SELECT id, current_version_id, difficulty FROM question
                        WHERE domain_id = ? AND status = 'PUBLISHED' AND random_key """ + comparison + """
                                 ?
                                ORDER BY random_key LIMIT ?""")
                .params(domainId, start, limit)
                .query((rs, n) ->
                        new Drawn(rs.getLong("id"), rs.getLong("current_version_id"), rs.getInt("difficulty")))
                .list();
    }

    static int[] shares(int count) {
        int[] targets = new int[3];
        double[] remainders = new double[3];
        int given = 0;
        for (int i = 0; i < 3; i++) {
            double exact = count * DIFFICULTY_SHARE[i] / 100.0;
            targets[i] = (int) exact;
            remainders[i] = exact - targets[i];
            given += targets[i];
        }
        while (given < count) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            targets[best]++;
            remainders[best] = -1;
            given++;
        }
        return targets;
    }

    public record Drawn(long questionId, long versionId, int difficulty) {}
}
