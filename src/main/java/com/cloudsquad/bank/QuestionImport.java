package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.ParsedFile;
import com.cloudsquad.bank.transfer.ParsedFile.Problem;
import com.cloudsquad.bank.transfer.QuestionData;
import com.cloudsquad.bank.transfer.QuestionFormat;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.platform.AdminAudit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a question file in two steps: a preview that writes nothing but the upload, then a
 * confirmation that stores every question in one transaction, or none.
 */
@Service
public class QuestionImport {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_QUESTIONS = 5_000;

    private final List<QuestionFormat> formats;
    private final Catalog catalog;
    private final QuestionRules rules;
    private final QuestionBank bank;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;

    QuestionImport(
            List<QuestionFormat> formats,
            Catalog catalog,
            QuestionRules rules,
            QuestionBank bank,
            JdbcClient jdbc,
            Clock clock,
            AdminAudit audit) {
        this.audit = audit;
        this.formats = formats;
        this.catalog = catalog;
        this.rules = rules;
        this.bank = bank;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<QuestionFormat> formats() {
        return formats;
    }

    public Optional<QuestionFormat> format(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The format a file name suggests (by extension), if any. */
    public Optional<QuestionFormat> guessFormat(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return format("moodle-xml");
        }
        return formats.stream().filter(f -> name.endsWith("." + f.extension())).findFirst();
    }

    /**
     * The format of a file: by its extension, and for {@code .txt} (GIFT files are often
     * {@code .gift.txt}) or an unknown extension by what its first characters look like.
     */
    public Optional<QuestionFormat> guessFormat(String fileName, byte[] content) {
        Optional<QuestionFormat> byName = guessFormat(fileName);
        return byName.isPresent() ? byName : sniff(content).flatMap(this::format);
    }

    /** Looks at the start of a file only (at most 64 KB), so a large file costs nothing more. */
    static Optional<String> sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 65_536), java.nio.charset.StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        String start = head.stripLeading();
        if (start.startsWith("<?xml") || start.startsWith("<quiz")) {
            return Optional.of("moodle-xml");
        }
        if (start.startsWith("{") || start.startsWith("[{") || start.startsWith("[\n") || start.equals("[]")) {
            return Optional.of("json");
        }
        String firstLine = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (firstLine.contains("stem") && firstLine.contains("option_a") && firstLine.contains(",")) {
            return Optional.of("csv");
        }
        if (start.startsWith("::")
                || start.startsWith("//")
                || start.regionMatches(true, 0, "$CATEGORY:", 0, 10)
                || (head.indexOf('{') >= 0 && head.indexOf('}') > head.indexOf('{'))) {
            return Optional.of("gift");
        }
        return Optional.empty();
    }

    /** Keeps the upload for the confirmation step and previews it. */
    @Transactional
    public ImportPreview upload(String owner, String formatId, String fileName, byte[] content) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO import_upload (id, owner, format_id, file_name, content, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, owner, formatId, fileName, content, Timestamp.from(clock.instant()))
                .update();
        return preview(id, formatId, fileName, content, Choices.NONE);
    }

    /** Previews an earlier upload again, with the admin's choices (category → domain, two keys). */
    @Transactional(readOnly = true)
    public Optional<ImportPreview> preview(String uploadId, String owner, Choices choices) {
        return findUpload(uploadId, owner)
                .map(u -> preview(uploadId, u.formatId(), u.fileName(), u.content(), choices));
    }

    /**
     * Stores every question of the upload in one transaction. Returns the preview that was
     * imported, or the preview with its errors when nothing was written.
     */
    @Transactional
    public ImportResult confirm(String uploadId, String owner, Choices choices) {
        Upload upload = findUpload(uploadId, owner).orElseThrow(() -> new IllegalArgumentException("No such upload"));
        if (upload.imported()) {
            return new ImportResult(null, 0, true);
        }
        ImportPreview preview = preview(uploadId, upload.formatId(), upload.fileName(), upload.content(), choices);
        if (!preview.canConfirm()) {
            return new ImportResult(preview, 0, false);
        }
        // Claim the upload first: a double click or a second tab imports it once.
        int claimed = jdbc.sql("UPDATE import_upload SET imported_at = ? WHERE id = ? AND imported_at IS NULL")
                .params(Timestamp.from(clock.instant()), uploadId)
                .update();
        if (claimed == 0) {
            return new ImportResult(null, 0, true);
        }
        int created = store(preview, owner);
        audit.record(
                "questions.import",
                "upload " + uploadId + " (" + upload.fileName() + ")",
                created + " question(s) imported.");
        return new ImportResult(preview, created, false);
    }

    /** Parses and stores a whole file in the caller's transaction, or throws; for the seed bank. */
    @Transactional
    public int importAll(String formatId, byte[] content, String author) {
        ImportPreview preview = withoutChoices(preview(null, formatId, "seed", content, Choices.NONE));
        if (!preview.canConfirm()) {
            throw new IllegalStateException("The file does not import cleanly: " + describe(preview));
        }
        return store(preview, author);
    }

    /** Parses a file and stores it all when it is clean; returns the preview either way (the API). */
    @Transactional
    public ImportResult importIfClean(String formatId, byte[] content, String author) {
        ImportPreview preview = withoutChoices(preview(null, formatId, "request body", content, Choices.NONE));
        if (!preview.canConfirm()) {
            return new ImportResult(preview, 0, false);
        }
        return new ImportResult(preview, store(preview, author), false);
    }

    private int store(ImportPreview preview, String author) {
        for (ImportPreview.Entry entry : preview.entries()) {
            bank.save(null, entry.content(), entry.status(), null, author);
        }
        return preview.entries().size();
    }

    ImportPreview preview(String uploadId, String formatId, String fileName, byte[] content, Choices choices) {
        QuestionFormat format = format(formatId).orElseThrow(() -> new IllegalArgumentException(formatId));
        List<Problem> fileErrors = new ArrayList<>();
        ParsedFile parsed;
        if (content.length > MAX_BYTES) {
            fileErrors.add(new Problem(0, "file", "The file is larger than 10 MB."));
            parsed = new ParsedFile(List.of(), List.of(), List.of());
        } else {
            try {
                parsed = format.parse(new ByteArrayInputStream(content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (parsed.questions().size() > MAX_QUESTIONS) {
            fileErrors.add(new Problem(
                    0,
                    "file",
                    "The file holds " + parsed.questions().size() + " questions; at most " + MAX_QUESTIONS
                            + " can be imported at once. Split it into smaller files."));
        }
        List<ImportPreview.Entry> entries = new ArrayList<>();
        Set<String> unmapped = new LinkedHashSet<>();
        List<Certification> certifications = catalog.certifications();
        for (ParsedFile.Parsed question : parsed.questions()) {
            entries.add(check(question, certifications, choices, unmapped));
        }
        for (Problem error : parsed.errors()) {
            entries.add(new ImportPreview.Entry(
                    error.line(), error.label(), "", null, null, null, List.of(error.message()), List.of(), null));
        }
        entries.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportPreview(
                uploadId,
                formatId,
                fileName,
                entries,
                fileErrors,
                parsed.skipped(),
                List.copyOf(unmapped),
                choices.twoKeys());
    }

    /** One question from outside (the API): resolved against the catalog and checked by the rules. */
    @Transactional(readOnly = true)
    public ImportPreview.Entry check(QuestionData question) {
        return withoutChoices(check(
                new ParsedFile.Parsed(0, "question", question),
                catalog.certifications(),
                Choices.NONE,
                new LinkedHashSet<>()));
    }

    /**
     * Where nobody can choose on a preview (the API, the seed bank), what would be a next step
     * is an error that says what the file must say instead.
     */
    private static ImportPreview withoutChoices(ImportPreview preview) {
        return new ImportPreview(
                preview.uploadId(),
                preview.formatId(),
                preview.fileName(),
                preview.entries().stream().map(QuestionImport::withoutChoices).toList(),
                preview.fileErrors(),
                preview.skipped(),
                preview.unmappedCategories(),
                preview.twoKeys());
    }

    private static ImportPreview.Entry withoutChoices(ImportPreview.Entry e) {
        List<String> errors = new ArrayList<>(e.errors());
        if (e.awaitingDomain()) {
            errors.add("No certification and domain: give both, or a category such as"
                    + " 'SAA-C03/Design Secure Architectures'.");
        }
        if (e.twoKeys()) {
            errors.add("The question asks for one answer but gives full marks to two or more:"
                    + " mark one answer right, or import it on the admin import page to choose.");
        }
        if (errors.size() == e.errors().size()) {
            return e;
        }
        return new ImportPreview.Entry(
                e.line(),
                e.label(),
                e.stem(),
                e.certification(),
                e.domain(),
                e.status(),
                errors,
                e.warnings(),
                null,
                false,
                e.twoKeys());
    }

    private ImportPreview.Entry check(
            ParsedFile.Parsed parsed, List<Certification> certifications, Choices choices, Set<String> unmapped) {
        QuestionData q = parsed.question();
        List<String> errors = new ArrayList<>();
        boolean awaitingDomain = false;
        ExamDomain domain = null;
        Certification certification = null;
        if (q.certification() != null && !q.certification().isBlank()) {
            certification = certifications.stream()
                    .filter(c -> c.code().equalsIgnoreCase(q.certification().strip()))
                    .findFirst()
                    .orElse(null);
            if (certification == null) {
                errors.add("Unknown certification '" + q.certification() + "'.");
            } else if (q.domain() != null && !q.domain().isBlank()) {
                domain = certification.domainNamed(q.domain()).orElse(null);
                if (domain == null) {
                    errors.add("Unknown domain '" + q.domain() + "' for " + certification.code() + ".");
                }
            }
        }
        if (domain == null && errors.isEmpty()) {
            String category = q.category() == null ? "" : q.category();
            Long mapped = choices.categoryDomains().get(category);
            if (mapped == null) {
                mapped = domainNamedBy(category, certifications);
            }
            if (mapped != null) {
                for (Certification c : certifications) {
                    Optional<ExamDomain> d = c.domain(mapped);
                    if (d.isPresent()) {
                        domain = d.get();
                        certification = c;
                    }
                }
            }
            if (domain == null) {
                // Not an error in the file: the next step is to choose the domain on the preview.
                unmapped.add(category);
                awaitingDomain = true;
            }
        }
        QuestionStatus status = QuestionStatus.DRAFT;
        if (q.status() != null && !q.status().isBlank()) {
            try {
                status = QuestionStatus.valueOf(q.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("Unknown status '" + q.status() + "' (DRAFT, PUBLISHED or RETIRED).");
            }
        }
        List<String> warnings = new ArrayList<>(parsed.notes());
        List<String> tags = new ArrayList<>();
        for (String tag : q.tags()) {
            String normalized = normalizeTag(tag);
            if (normalized.isEmpty()) {
                warnings.add("Tag '" + tag + "' has no letters or digits and is left out.");
                continue;
            }
            if (!normalized.equals(tag)) {
                warnings.add("Tag '" + tag + "' becomes '" + normalized + "'.");
            }
            tags.add(normalized);
        }
        List<QuestionContent.Option> options = q.options().stream()
                .map(o -> new QuestionContent.Option(
                        stored(o.text(), q.format()), o.correct(), stored(o.explanation(), q.format())))
                .toList();
        boolean twoKeys = q.singleAnswer() && q.correctCount() > 1;
        if (twoKeys) {
            String keys = keyLetters(options);
            if (choices.twoKeys() == null) {
                warnings.add("The file asks for one answer but gives full marks to " + keys
                        + ": either is right there. Choose below how to import such questions.");
            } else if (choices.twoKeys() == TwoKeys.FIRST_AS_KEY) {
                options = firstKeyOnly(options);
                if (!tags.contains(NEEDS_REVIEW)) {
                    tags.add(NEEDS_REVIEW);
                }
                status = QuestionStatus.DRAFT;
                warnings.add("The file gives full marks to " + keys + ": " + keyLetters(options)
                        + " is kept as the key; imported as a draft tagged " + NEEDS_REVIEW + ".");
            } else {
                warnings.add("The file gives full marks to " + keys + ": imported as multiple response (choose "
                        + q.correctCount() + ").");
            }
        }
        QuestionContent content = null;
        if (domain != null) {
            content = new QuestionContent(
                    domain.id(),
                    q.difficulty() == null ? 2 : q.difficulty(),
                    q.title(),
                    stored(q.stem(), q.format()),
                    options,
                    stored(q.explanation(), q.format()),
                    q.references(),
                    tags,
                    null,
                    q.format());
            QuestionRules.Verdict verdict = rules.check(content);
            verdict.errors().forEach(f -> errors.add(f.message()));
            verdict.warnings().forEach(f -> warnings.add(f.message()));
        }
        return new ImportPreview.Entry(
                parsed.line(),
                parsed.label(),
                QuestionText.visibleText(q.stem(), q.format()),
                certification == null ? null : certification.code(),
                domain == null ? null : domain.name(),
                status,
                errors,
                warnings.stream().distinct().toList(),
                errors.isEmpty() ? content : null,
                awaitingDomain && errors.isEmpty(),
                twoKeys);
    }

    public static final String NEEDS_REVIEW = "needs-review";

    /** HTML is stored as the safelist leaves it, whatever sent it (a file, the API). */
    private static String stored(String text, com.cloudsquad.bank.TextFormat format) {
        return format == com.cloudsquad.bank.TextFormat.HTML ? QuestionText.sanitize(text) : text;
    }

    private static String keyLetters(List<QuestionContent.Option> options) {
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).correct()) {
                letters.add(QuestionRules.letter(i));
            }
        }
        return String.join(" and ", letters);
    }

    private static List<QuestionContent.Option> firstKeyOnly(List<QuestionContent.Option> options) {
        List<QuestionContent.Option> out = new ArrayList<>();
        boolean keyed = false;
        for (QuestionContent.Option o : options) {
            out.add(new QuestionContent.Option(o.text(), o.correct() && !keyed, o.explanation()));
            keyed |= o.correct();
        }
        return out;
    }

    /**
     * Tags as the bank keeps them: lower case, anything but letters, digits, '.', '+' and '-'
     * becomes one '-' ("Cloud Practitioner" is "cloud-practitioner"), at most 40 characters.
     */
    static String normalizeTag(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
            if (allowed) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int start = 0;
        while (start < out.length() && !Character.isLetterOrDigit(out.charAt(start))) {
            start++;
        }
        int end = out.length();
        while (end > start && out.charAt(end - 1) == '-') {
            end--;
        }
        String normalized = out.substring(start, end);
        return normalized.length() > 40 ? normalized.substring(0, 40).replaceAll("-+$", "") : normalized;
    }

    /** What to do with a single-answer question that gives full marks to two or more answers. */
    public enum TwoKeys {
        /** Keep the first full-mark answer as the key; import as a draft tagged needs-review. */
        FIRST_AS_KEY,
        /** Import as a multiple-response question. */
        MULTIPLE_RESPONSE
    }

    /**
     * The admin's choices on the preview page.
     *
     * @param categoryDomains file category → domain id ("" for questions without a category)
     * @param twoKeys what to do with two full-mark answers; null while not chosen
     */
    public record Choices(Map<String, Long> categoryDomains, TwoKeys twoKeys) {
        public static final Choices NONE = new Choices(Map.of(), null);

        public Choices {
            categoryDomains = Map.copyOf(categoryDomains);
        }
    }

    /**
     * The domain a category path names on its own, as our GIFT and Moodle exports write it:
     * "SAA-C03/Design Secure Architectures" (any prefix before the code is ignored).
     */
    static Long domainNamedBy(String category, List<Certification> certifications) {
        String[] parts = category.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            String code = parts[i].strip();
            String domainName = parts[i + 1].strip();
            for (Certification c : certifications) {
                if (c.code().equalsIgnoreCase(code)) {
                    Optional<ExamDomain> domain = c.domainNamed(domainName);
                    if (domain.isPresent()) {
                        return domain.get().id();
                    }
                }
            }
        }
        return null;
    }

    private Optional<Upload> findUpload(String id, String owner) {
        return jdbc.sql(
                        "SELECT format_id, file_name, content, imported_at FROM import_upload WHERE id = ? AND owner = ?")
                .params(id, owner)
                .query((rs, n) -> new Upload(
                        rs.getString("format_id"),
                        rs.getString("file_name"),
                        rs.getBytes("content"),
                        rs.getTimestamp("imported_at") != null))
                .optional();
    }

    private static String describe(ImportPreview preview) {
        List<String> lines = new ArrayList<>();
        preview.fileErrors().forEach(p -> lines.add(p.label() + ": " + p.message()));
        preview.entriesWithErrors().forEach(e -> lines.add(e.label() + ": " + String.join(" ", e.errors())));
        return String.join("; ", lines.subList(0, Math.min(lines.size(), 20)));
    }

    private record Upload(String formatId, String fileName, byte[] content, boolean imported) {}

    /**
     * @param preview what was (or would have been) imported; null when the upload was already imported
     * @param alreadyImported a second confirmation of the same upload (double click, other tab)
     */
    public record ImportResult(ImportPreview preview, int created, boolean alreadyImported) {}
}
