package com.cloudsquad.bank;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of item_statistics, item_option_statistics and item_statistics_run. */
@Repository
class ItemStatisticsStore {

    /** The right options of a version and how many it has. */
    record Key(int keyBits, int optionCount) {}

    /** One row of the admin list. */
    record Row(
            long questionId,
            long versionId,
            int versionNo,
            boolean current,
            String status,
            String stem,
            int attempts,
            double facility,
            Double sd,
            Double discrimination,
            Double efficiency,
            int strongCount,
            boolean needsChecking,
            List<String> reasons) {}

    /** One option's figures with its text, for the edit page. */
    record OptionRow(String letter, String text, boolean correct, int chosen, int chosenByStrong) {

        /** This option's share of the attempts (and of the strong third), in whole percent. */
        OptionShare share(int attempts, int strongCount) {
            return new OptionShare(
                    letter,
                    text,
                    correct,
                    chosen,
                    attempts == 0 ? 0 : Math.round(100f * chosen / attempts),
                    chosenByStrong,
                    strongCount == 0 ? 0 : Math.round(100f * chosenByStrong / strongCount));
        }
    }

    /** An option as the edit page shows it. */
    record OptionShare(
            String letter,
            String text,
            boolean correct,
            int chosen,
            int chosenPercent,
            int chosenByStrong,
            int strongPercent) {}

    /** The last finished run and the claim, for the admin page. */
    record Run(Instant finishedAt, Long responses, Integer versions, Long durationMs, boolean running) {}

    private static final Map<String, String> ORDER = Map.of(
            "flagged",
            "s.needs_checking DESC, s.superseded, s.discrimination IS NULL," + " s.discrimination, s.attempts DESC",
            "facility",
            "s.facility, s.attempts DESC",
            "-facility",
            "s.facility DESC, s.attempts DESC",
            "discrimination",
            "s.discrimination IS NULL, s.discrimination, s.attempts DESC",
            "-discrimination",
            "s.discrimination IS NULL, s.discrimination DESC, s.attempts DESC",
            "efficiency",
            "s.efficiency IS NULL, s.efficiency, s.attempts DESC",
            "attempts",
            "s.attempts DESC",
            "-attempts",
            "s.attempts");

    static final List<String> SORTS =
            List.of("flagged", "facility", "-facility", "discrimination", "-discrimination", "efficiency", "attempts");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ItemStatisticsStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Takes the run for {@code owner} unless another instance holds an unexpired claim. */
    boolean claim(String owner, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE item_statistics_run SET claimed_by = ?, claimed_until = ?
                        WHERE id = 1 AND (claimed_until IS NULL OR claimed_until < ?)""")
                        .params(owner, Timestamp.from(until), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A long run keeps its claim alive page by page. */
    void extend(String owner, Instant until) {
        jdbc.sql("UPDATE item_statistics_run SET claimed_until = ? WHERE id = 1 AND claimed_by = ?")
                .params(Timestamp.from(until), owner)
                .update();
    }

    void release(String owner) {
        jdbc.sql(
                        "UPDATE item_statistics_run SET claimed_by = NULL, claimed_until = NULL WHERE id = 1 AND claimed_by = ?")
                .param(owner)
                .update();
    }

    Run run(Instant now) {
        return jdbc.sql(
                        "SELECT finished_at, responses, versions, duration_ms, claimed_until FROM item_statistics_run WHERE id = 1")
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    Timestamp claimed = rs.getTimestamp("claimed_until");
                    return new Run(
                            finished == null ? null : finished.toInstant(),
                            (Long) rs.getObject("responses", Long.class),
                            (Integer) rs.getObject("versions", Integer.class),
                            (Long) rs.getObject("duration_ms", Long.class),
                            claimed != null && claimed.toInstant().isAfter(now));
                })
                .single();
    }

    /** The keys of the versions with ids in [from, to]. */
    Map<Long, Key> keys(long from, long to) {
        Map<Long, int[]> found = new HashMap<>();
        jdbc.sql("SELECT version_id, position, correct FROM question_option WHERE version_id BETWEEN ? AND ?")
                .params(from, to)
                .query(rs -> {
                    int[] key = found.computeIfAbsent(rs.getLong("version_id"), v -> new int[2]);
                    int position = rs.getInt("position");
                    if (rs.getBoolean("correct")) {
                        key[0] |= 1 << position;
                    }
                    key[1] = Math.max(key[1], position + 1);
                });
        Map<Long, Key> keys = new HashMap<>();
        found.forEach((version, key) -> keys.put(version, new Key(key[0], key[1])));
        return keys;
    }

    /** Replaces every figure with these (call in one transaction: readers see old or new, never half). */
    void replaceAll(List<ItemAnalysis.Figures> figures, Instant computedAt, long responses, long durationMs) {
        template.update("DELETE FROM item_option_statistics");
        template.update("DELETE FROM item_statistics");
        Timestamp at = Timestamp.from(computedAt);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        for (ItemAnalysis.Figures f : figures) {
            rows.add(new Object[] {
                f.versionId(),
                f.questionId(),
                f.attempts(),
                f.facility(),
                f.sd(),
                f.discrimination(),
                f.efficiency(),
                f.strongCount(),
                f.needsChecking(),
                f.reasons().isEmpty() ? null : String.join("\n", f.reasons()),
                at
            });
            for (ItemAnalysis.OptionCount o : f.options()) {
                options.add(new Object[] {f.versionId(), o.position(), o.correct(), o.chosen(), o.chosenByStrong()});
            }
        }
        template.batchUpdate("""
                INSERT INTO item_statistics (version_id, question_id, attempts, facility, sd, discrimination,
                    efficiency, strong_count, needs_checking, reasons, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        // an older version of a question sorts after its current one; edits keep this up to date
        template.update("""
                UPDATE item_statistics s JOIN question q ON q.id = s.question_id
                SET s.superseded = (q.current_version_id <> s.version_id)""");
        template.batchUpdate("""
                INSERT INTO item_option_statistics (version_id, position, correct, chosen, chosen_by_strong)
                VALUES (?, ?, ?, ?, ?)""", options);
        jdbc.sql("""
                        UPDATE item_statistics_run SET finished_at = ?, responses = ?, versions = ?, duration_ms = ?
                        WHERE id = 1""").params(at, responses, figures.size(), durationMs).update();
    }

    /** A new version of the question is current: its earlier versions' figures sort after it. */
    void supersede(long questionId, long currentVersionId) {
        jdbc.sql("UPDATE item_statistics SET superseded = (version_id <> ?) WHERE question_id = ?")
                .params(currentVersionId, questionId)
                .update();
    }

    /** Questions whose current version needs checking, leaving retired ones out. */
    long questionsNeedingChecking() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM item_statistics s JOIN question q ON q.current_version_id = s.version_id
                        WHERE s.needs_checking AND q.status <> 'RETIRED'""").query(Long.class).single();
    }

    /**
     * The list's filter: only flagged versions (or only the others), only one certification's
     * questions (null = all).
     */
    private static String where(Boolean needsChecking, Long certificationId) {
        return " WHERE 1 = 1"
                + (needsChecking == null ? "" : needsChecking ? " AND s.needs_checking" : " AND NOT s.needs_checking")
                + (certificationId != null ? " AND q.certification_id = ?" : "");
    }

    /** The question is joined only for a certification filter (issue 14: the join cost 0.6 s on 80,000 rows). */
    private static String from(String order, Long certificationId) {
        return certificationId != null || order.contains("q.")
                ? " FROM item_statistics s JOIN question q ON q.id = s.question_id"
                : " FROM item_statistics s";
    }

    long count(boolean flaggedOnly, Long certificationId) {
        return jdbc.sql("SELECT COUNT(*)" + from("", certificationId)
                        + where(flaggedOnly ? true : null, certificationId))
                .params(certificationId == null ? List.of() : List.of(certificationId))
                .query(Long.class)
                .single();
    }

    List<Row> page(String sort, boolean flaggedOnly, Long certificationId, int offset, int limit) {
        String order = ORDER.getOrDefault(sort, ORDER.get("flagged"));
        if (flaggedOnly || !order.equals(ORDER.get("flagged"))) {
            return sortedPage(order, flaggedOnly ? Boolean.TRUE : null, certificationId, offset, limit);
        }
        // Flagged first: the flagged versions (an index range, few) sorted apart from the rest, so
        // the first pages never join and sort every version; later pages read the rest.
        long flagged = count(true, certificationId);
        List<Row> rows = new ArrayList<>();
        if (offset < flagged) {
            rows.addAll(sortedPage(order, Boolean.TRUE, certificationId, offset, limit));
        }
        if (rows.size() < limit) {
            rows.addAll(sortedPage(
                    order, Boolean.FALSE, certificationId, (int) Math.max(0, offset - flagged), limit - rows.size()));
        }
        return rows;
    }

    private List<Row> sortedPage(String order, Boolean needsChecking, Long certificationId, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        if (certificationId != null) {
            params.add(certificationId);
        }
        params.add(limit);
        params.add(offset);
        // A deferred join (issue 14: 80,000 versions took 1-2 s): the sort reads only the narrow
        // sort keys of every row; the stems (TEXT) are read for the page's rows alone.
        return jdbc.sql("SELECT s.*, q.status, q.current_version_id, v.version_no, v.stem FROM (SELECT s.version_id"
                        + from(order, certificationId) + where(needsChecking, certificationId) + " ORDER BY " + order
                        + ", s.version_id LIMIT ? OFFSET ?) page"
                        + """

                        JOIN item_statistics s ON s.version_id = page.version_id
                        JOIN question q ON q.id = s.question_id
                        JOIN question_version v ON v.id = s.version_id
                        ORDER BY """ + " " + order + ", s.version_id")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The figures of every version of a question, newest version first. */
    List<Row> forQuestion(long questionId) {
        return jdbc.sql("""
                        SELECT s.*, q.status, q.current_version_id, v.version_no, v.stem
                        FROM item_statistics s
                        JOIN question q ON q.id = s.question_id
                        JOIN question_version v ON v.id = s.version_id
                        WHERE s.question_id = ? ORDER BY v.version_no DESC""").param(questionId).query((rs, n) -> row(rs)).list();
    }

    /** Options with their counts, by version, for these versions. */
    Map<Long, List<OptionRow>> options(List<Long> versionIds) {
        Map<Long, List<OptionRow>> options = new LinkedHashMap<>();
        if (versionIds.isEmpty()) {
            return options;
        }
        String in = String.join(",", versionIds.stream().map(id -> "?").toList());
        jdbc.sql("""
                        SELECT o.version_id, o.position, o.text, o.correct,
                               COALESCE(st.chosen, 0) AS chosen, COALESCE(st.chosen_by_strong, 0) AS chosen_by_strong
                        FROM question_option o
                        LEFT JOIN item_option_statistics st ON st.version_id = o.version_id AND st.position = o.position
                        WHERE o.version_id IN (""" + in + ") ORDER BY o.version_id, o.position")
                .params(versionIds.toArray())
                .query(rs -> {
                    options.computeIfAbsent(rs.getLong("version_id"), v -> new ArrayList<>())
                            .add(new OptionRow(
                                    ItemAnalysis.letter(rs.getInt("position")),
                                    rs.getString("text"),
                                    rs.getBoolean("correct"),
                                    rs.getInt("chosen"),
                                    rs.getInt("chosen_by_strong")));
                });
        return options;
    }

    Optional<Row> one(long versionId) {
        return jdbc.sql("""
                        SELECT s.*, q.status, q.current_version_id, v.version_no, v.stem
                        FROM item_statistics s
                        JOIN question q ON q.id = s.question_id
                        JOIN question_version v ON v.id = s.version_id
                        WHERE s.version_id = ?""").param(versionId).query((rs, n) -> row(rs)).optional();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String reasons = rs.getString("reasons");
        return new Row(
                rs.getLong("question_id"),
                rs.getLong("version_id"),
                rs.getInt("version_no"),
                rs.getLong("current_version_id") == rs.getLong("version_id"),
                rs.getString("status"),
                rs.getString("stem"),
                rs.getInt("attempts"),
                rs.getDouble("facility"),
                (Double) rs.getObject("sd", Double.class),
                (Double) rs.getObject("discrimination", Double.class),
                (Double) rs.getObject("efficiency", Double.class),
                rs.getInt("strong_count"),
                rs.getBoolean("needs_checking"),
                reasons == null ? List.of() : List.of(reasons.split("\n")));
    }
}
