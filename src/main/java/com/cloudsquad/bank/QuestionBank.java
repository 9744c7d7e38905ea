package com.cloudsquad.bank;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The question bank: stores questions as versions, lists them for admins, changes their status.
 * A DRAFT that was never published is edited in place; any other edit adds a version, so the
 * version an attempt showed never changes.
 */
@Service
public class QuestionBank {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Clock clock;
    private final RandomGenerator random;
    private final ItemStatisticsStore statistics;

    /**
     * Published versions by id. A version that was ever published is never edited again (see
     * {@link #update}), so any instance may keep it for good; a draft version is never kept.
     */
    private final Cache<Long, QuestionVersion> publishedVersions =
            Caffeine.newBuilder().maximumSize(20_000).build();

    QuestionBank(
            JdbcClient jdbc, Catalog catalog, Clock clock, RandomGenerator random, ItemStatisticsStore statistics) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
        this.random = random;
        this.statistics = statistics;
    }

    /**
     * The one way a question is written, by the admin form, the API and every import: a new
     * question (no {@code id}) or an edit, and its status, in one transaction. The caller has
     * checked the content with {@link QuestionRules}.
     *
     * @param status the status to move to, or null to keep it (an edit)
     * @param expectedLockVersion for an edit: the lock version it was based on
     * @return the question's id
     * @throws QuestionChangedException when the question changed since it was read
     */
    @Transactional
    public long save(
            Long id, QuestionContent content, QuestionStatus status, Integer expectedLockVersion, String author) {
        if (id == null) {
            return create(content, status == null ? QuestionStatus.DRAFT : status, author);
        }
        update(id, content, expectedLockVersion, author);
        if (status != null) {
            changeStatus(List.of(id), status);
        }
        return id;
    }

    @Transactional
    long create(QuestionContent content, QuestionStatus status, String author) {
        Certification certification = certificationOf(content.domainId());
        Timestamp now = Timestamp.from(clock.instant());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO question (certification_id, domain_id, difficulty, multiple_response, stem, status,
                                              random_key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        certification.id(),
                        content.domainId(),
                        content.difficulty(),
                        content.multipleResponse(),
                        content.stem(),
                        status.name(),
                        random.nextDouble(),
                        now,
                        now)
                .update(key, "id");
        long id = key.getKey().longValue();
        long versionId = insertVersion(id, 1, content, now, author);
        jdbc.sql("UPDATE question SET current_version_id = ? WHERE id = ?")
                .params(versionId, id)
                .update();
        if (status == QuestionStatus.PUBLISHED) {
            markPublished(List.of(id), now);
        }
        replaceTags(id, content.tags());
        return id;
    }

    /**
     * Saves an edit. Refused with {@link QuestionChangedException} when the question changed since
     * {@code expectedLockVersion} was read, so two admins never overwrite each other silently.
     */
    @Transactional
    void update(long id, QuestionContent content, int expectedLockVersion, String author) {
        QuestionDetail question = find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        if (certificationOf(content.domainId()).id() != question.certificationId()) {
            throw new IllegalArgumentException("A question stays in its certification");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        UPDATE question SET domain_id = ?, difficulty = ?, multiple_response = ?, stem = ?, updated_at = ?,
                               lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ?""")
                .params(
                        content.domainId(),
                        content.difficulty(),
                        content.multipleResponse(),
                        content.stem(),
                        now,
                        id,
                        expectedLockVersion)
                .update();
        if (updated == 0) {
            throw new QuestionChangedException(id);
        }
        if (question.status() == QuestionStatus.DRAFT
                && !everPublished(question.current().id())) {
            // A draft nobody ever saw: replaced in place (same id and number), not versioned.
            long versionId = question.current().id();
            jdbc.sql("UPDATE question_version SET " + String.join(" = ?, ", VERSION_COLUMNS) + " = ? WHERE id = ?")
                    .params(versionValues(content, now, author, versionId))
                    .update();
            jdbc.sql("DELETE FROM question_option WHERE version_id = ?")
                    .param(versionId)
                    .update();
            insertOptions(versionId, content.options());
        } else {
            int versionNo = question.versionCount() + 1;
            long versionId = insertVersion(id, versionNo, content, now, author);
            jdbc.sql("UPDATE question SET current_version_id = ?, version_count = ? WHERE id = ?")
                    .params(versionId, versionNo, id)
                    .update();
            statistics.supersede(id, versionId);
            if (question.status() == QuestionStatus.PUBLISHED) {
                markPublished(List.of(id), now);
            }
        }
        replaceTags(id, content.tags());
    }

    /** Moves the given questions to {@code status}; returns how many changed. */
    @Transactional
    public int changeStatus(Collection<Long> ids, QuestionStatus status) {
        if (ids.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        UPDATE question SET status = :status, updated_at = :now, lock_version = lock_version + 1
                        WHERE id IN (:ids) AND status <> :status""")
                .param("status", status.name())
                .param("now", now)
                .param("ids", ids)
                .update();
        if (status == QuestionStatus.PUBLISHED) {
            markPublished(ids, now);
        }
        return changed;
    }

    /**
     * The current versions of these questions are live from now on: an attempt may show them, so
     * they are never edited in place again (an edit in draft makes a new version).
     */
    private void markPublished(Collection<Long> questionIds, Timestamp now) {
        jdbc.sql("""
                        UPDATE question_version v JOIN question q ON q.current_version_id = v.id
                        SET v.published_at = :now
                        WHERE q.id IN (:ids) AND v.published_at IS NULL""").param("now", now).param("ids", questionIds).update();
    }

    private boolean everPublished(long versionId) {
        return jdbc.sql("SELECT published_at IS NOT NULL FROM question_version WHERE id = ?")
                .param(versionId)
                .query(Boolean.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Optional<QuestionDetail> find(long id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** Several questions with their current versions in three statements (the API's list), in the order given. */
    @Transactional(readOnly = true)
    public List<QuestionDetail> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, QuestionDetail> byId = new LinkedHashMap<>();
        List<Object[]> rows = jdbc.sql("""
                        SELECT id, certification_id, status, lock_version, version_count, updated_at, current_version_id
                        FROM question WHERE id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("certification_id"),
                    QuestionStatus.valueOf(rs.getString("status")),
                    rs.getInt("lock_version"),
                    rs.getInt("version_count"),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getLong("current_version_id")
                })
                .list();
        Map<Long, QuestionVersion> versions =
                versions(rows.stream().map(r -> (Long) r[6]).toList());
        for (Object[] r : rows) {
            byId.put(
                    (Long) r[0],
                    new QuestionDetail(
                            (Long) r[0],
                            (Long) r[1],
                            (QuestionStatus) r[2],
                            (Integer) r[3],
                            (Integer) r[4],
                            (Instant) r[5],
                            versions.get((Long) r[6])));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** One version by id: what an attempt showed, whatever happened to the question since. */
    @Transactional(readOnly = true)
    public Optional<QuestionVersion> version(long versionId) {
        return Optional.ofNullable(versions(List.of(versionId)).get(versionId));
    }

    /** Many versions at once (an attempt's questions), by id. */
    @Transactional(readOnly = true)
    public Map<Long, QuestionVersion> versions(Collection<Long> versionIds) {
        Map<Long, QuestionVersion> byId = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long id : versionIds) {
            QuestionVersion known = publishedVersions.getIfPresent(id);
            if (known != null) {
                byId.put(id, known);
            } else {
                missing.add(id);
            }
        }
        for (List<Long> chunk : chunks(missing, 200)) {
            String ids = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
            // ids are longs from our own tables, joined as numbers: nothing to inject
            versions("WHERE v.id IN (" + ids + ")").forEach(v -> byId.put(v.id(), v));
        }
        return byId;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }

    /** Every version of a question, oldest first. */
    @Transactional(readOnly = true)
    public List<QuestionVersion> history(long questionId) {
        return versions("WHERE v.question_id = ?", questionId);
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM question").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public QuestionPage search(QuestionFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.certification() != null) {
            where.append(" AND q.certification_id = :certification");
            params.put("certification", filter.certification());
        }
        if (filter.domain() != null) {
            where.append(" AND q.domain_id = :domain");
            params.put("domain", filter.domain());
        }
        if (filter.difficulty() != null) {
            where.append(" AND q.difficulty = :difficulty");
            params.put("difficulty", filter.difficulty());
        }
        if (filter.status() != null) {
            where.append(" AND q.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM question_tag t WHERE t.question_id = q.id AND t.tag = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.text() != null) {
            String booleanQuery = fullTextQuery(filter.text());
            if (booleanQuery.isEmpty()) {
                where.append(" AND q.stem LIKE :like");
                params.put("like", "%" + filter.text().replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                where.append(" AND MATCH (q.stem) AGAINST (:text IN BOOLEAN MODE)");
                params.put("text", booleanQuery);
            }
        }
        // Codes and domain names come from the catalog's own API, not by joining its tables.
        Map<Long, Certification> certifications = catalog.certificationsById();
        long total = jdbc.sql("SELECT COUNT(*) FROM question q" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<QuestionRow> rows = jdbc.sql("""
                        SELECT q.id, LEFT(q.stem, 240) AS stem, v.text_format, q.certification_id, q.domain_id,
                               q.difficulty, q.multiple_response, q.status, q.version_count, q.updated_at
                        FROM (SELECT q.id FROM question q""" + where + " ORDER BY " + orderBy(filter.sort())
                        // A deferred join: the page's ids come from an index walk in sort
                        // order; only those 25 rows are then joined and read in full.
                        + """
                                 LIMIT :size OFFSET :offset) page
                                JOIN question q ON q.id = page.id
                                JOIN question_version v ON v.id = q.current_version_id
                                ORDER BY """ + " " + orderBy(filter.sort()))
                .params(params)
                .param("size", filter.size())
                .param("offset", (long) filter.page() * filter.size())
                .query((rs, n) -> new QuestionRow(
                        rs.getLong("id"),
                        // an HTML question's stem is listed as its text, not its tags
                        "HTML".equals(rs.getString("text_format"))
                                ? org.jsoup.Jsoup.parse(rs.getString("stem")).text()
                                : rs.getString("stem"),
                        codeOf(certifications, rs.getLong("certification_id")),
                        domainNameOf(certifications, rs.getLong("certification_id"), rs.getLong("domain_id")),
                        rs.getInt("difficulty"),
                        rs.getBoolean("multiple_response"),
                        QuestionStatus.valueOf(rs.getString("status")),
                        rs.getInt("version_count"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new QuestionPage(rows, total, filter.page(), filter.size());
    }

    private static String codeOf(Map<Long, Certification> certifications, long id) {
        Certification c = certifications.get(id);
        return c == null ? "?" : c.code();
    }

    private static String domainNameOf(Map<Long, Certification> certifications, long certificationId, long domainId) {
        Certification c = certifications.get(certificationId);
        return c == null
                ? "?"
                : c.domain(domainId)
                        .map(com.cloudsquad.catalog.ExamDomain::name)
                        .orElse("?");
    }

    /** All tags in use, for the filter's suggestions. */
    @Transactional(readOnly = true)
    public List<String> tags() {
        return jdbc.sql("SELECT DISTINCT tag FROM question_tag ORDER BY tag LIMIT 500")
                .query(String.class)
                .list();
    }

    static String orderBy(String sort) {
        boolean descending = sort.startsWith("-");
        String column =
                switch (descending ? sort.substring(1) : sort) {
                    case "id" -> "q.id";
                    case "difficulty" -> "q.difficulty";
                    case "status" -> "q.status";
                    default -> "q.updated_at";
                };
        return column + (descending ? " DESC" : " ASC") + ", q.id" + (descending ? " DESC" : " ASC");
    }

    /** Words of 3+ letters, each required and prefix-matched; everything else dropped (no operator injection). */
    static String fullTextQuery(String text) {
        return Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3)
                .map(word -> "+" + word + "*")
                .collect(Collectors.joining(" "));
    }

    private Certification certificationOf(long domainId) {
        return catalog.byDomain(domainId).orElseThrow(() -> new IllegalArgumentException("Unknown domain " + domainId));
    }

    /** What a version says, in one place for the INSERT of a new version and the in-place edit of a draft. */
    private static final List<String> VERSION_COLUMNS = List.of(
            "domain_id",
            "difficulty",
            "title",
            "stem",
            "explanation",
            "refs",
            "tags",
            "image_key",
            "text_format",
            "created_at",
            "created_by");

    private static Object[] versionValues(QuestionContent content, Timestamp now, String author, Object... more) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                content.domainId(),
                content.difficulty(),
                content.title(),
                content.stem(),
                content.explanation(),
                String.join("\n", content.references()),
                String.join(",", content.tags()),
                content.imageKey(),
                content.format().name(),
                now,
                author));
        values.addAll(Arrays.asList(more));
        return values.toArray();
    }

    private long insertVersion(long questionId, int versionNo, QuestionContent content, Timestamp now, String author) {
        KeyHolder key = new GeneratedKeyHolder();
        Object[] values = versionValues(content, now, author, questionId, versionNo);
        jdbc.sql("INSERT INTO question_version (" + String.join(", ", VERSION_COLUMNS) + ", question_id, version_no)"
                        + " VALUES (" + "?, ".repeat(values.length - 1) + "?)")
                .params(values)
                .update(key, "id");
        long versionId = key.getKey().longValue();
        insertOptions(versionId, content.options());
        return versionId;
    }

    private void insertOptions(long versionId, List<QuestionContent.Option> options) {
        for (int i = 0; i < options.size(); i++) {
            QuestionContent.Option option = options.get(i);
            jdbc.sql(
                            "INSERT INTO question_option (version_id, position, text, correct, explanation) VALUES (?, ?, ?, ?, ?)")
                    .params(versionId, i, option.text(), option.correct(), option.explanation())
                    .update();
        }
    }

    private void replaceTags(long questionId, List<String> tags) {
        jdbc.sql("DELETE FROM question_tag WHERE question_id = ?")
                .param(questionId)
                .update();
        for (String tag : tags.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO question_tag (question_id, tag) VALUES (?, ?)")
                    .params(questionId, tag)
                    .update();
        }
    }

    private List<QuestionVersion> versions(String where, Object... params) {
        Map<Long, List<QuestionContent.Option>> options = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.version_id, o.text, o.correct, o.explanation
                        FROM question_option o JOIN question_version v ON v.id = o.version_id
                        """ + where + " ORDER BY o.version_id, o.position")
                .params(params)
                .query((ResultSet rs) -> {
                    options.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
                            .add(new QuestionContent.Option(
                                    rs.getString("text"), rs.getBoolean("correct"), rs.getString("explanation")));
                });
        return jdbc.sql("""
                        SELECT v.id, v.question_id, v.version_no, v.domain_id, v.difficulty, v.title, v.stem, v.explanation,
                               v.refs, v.tags, v.image_key, v.text_format, v.created_at, v.created_by, v.published_at
                        FROM question_version v
                        """ + where + " ORDER BY v.version_no")
                .params(params)
                .query((rs, n) -> {
                    QuestionVersion version = toVersion(rs, options.getOrDefault(rs.getLong("id"), List.of()));
                    if (rs.getTimestamp("published_at") != null && !insideAWrite()) {
                        publishedVersions.put(version.id(), version); // never changes again
                    }
                    return version;
                })
                .list();
    }

    private static QuestionVersion toVersion(ResultSet rs, List<QuestionContent.Option> options) throws SQLException {
        QuestionContent content = new QuestionContent(
                rs.getLong("domain_id"),
                rs.getInt("difficulty"),
                rs.getString("title"),
                rs.getString("stem"),
                options,
                rs.getString("explanation"),
                split(rs.getString("refs"), "\n"),
                split(rs.getString("tags"), ","),
                rs.getString("image_key"),
                TextFormat.valueOf(rs.getString("text_format")));
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new QuestionVersion(
                rs.getLong("id"),
                rs.getLong("question_id"),
                rs.getInt("version_no"),
                content,
                created,
                rs.getString("created_by"));
    }

    /**
     * Each live question's option lengths and keys (current versions, retired questions left out),
     * for {@link OptionLengthStats}. HTML is measured without its tags.
     */
    @Transactional(readOnly = true)
    public List<OptionLengthStats.Item> optionLengths() {
        Map<Long, String> exams = new LinkedHashMap<>();
        Map<Long, List<OptionLengthStats.Option>> options = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT q.id, c.code, o.correct, CHAR_LENGTH(o.text) AS length,
                               CASE WHEN v.text_format = 'HTML' THEN o.text END AS html
                        FROM question q
                        JOIN certification c ON c.id = q.certification_id
                        JOIN question_version v ON v.id = q.current_version_id
                        JOIN question_option o ON o.version_id = v.id
                        WHERE q.status <> 'RETIRED'
                        ORDER BY q.id, o.position""").query((ResultSet rs) -> {
            long id = rs.getLong("id");
            exams.putIfAbsent(id, rs.getString("code"));
            String html = rs.getString("html");
            int length = html == null ? rs.getInt("length") : OptionLengthStats.visibleLength(html, TextFormat.HTML);
            options.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new OptionLengthStats.Option(length, rs.getBoolean("correct")));
        });
        List<OptionLengthStats.Item> items = new ArrayList<>(exams.size());
        exams.forEach((id, exam) -> items.add(new OptionLengthStats.Item(exam, options.get(id))));
        return items;
    }

    /** Changes whenever a question is added, edited or changes status: a cheap cache key. */
    @Transactional(readOnly = true)
    public String changeMark() {
        return jdbc.sql("SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(updated_at), '')) FROM question")
                .query(String.class)
                .single();
    }

    /** A write may still roll back what it read (a version just marked published): keep nothing from it. */
    private static boolean insideAWrite() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
