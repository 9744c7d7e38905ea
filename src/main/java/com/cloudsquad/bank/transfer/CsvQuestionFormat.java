package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.TextFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * One question per row, spreadsheet friendly. Columns (in any order, case-insensitive):
 * {@code certification, domain, difficulty, status, tags, stem, option_a … option_h, correct,
 * explanation_a … explanation_h, explanation, references, title, category, format}. {@code format}
 * is plain, markdown (the default) or html. {@code correct} holds
 * letters such as {@code B} or {@code A;C}; tags and references are separated by {@code ;}.
 * Only {@code stem, option_a, option_b, correct} are required.
 */
@Component
public class CsvQuestionFormat implements QuestionFormat {

    /** Optional single quotes, then a character that starts a formula in a spreadsheet. */
    private static final java.util.regex.Pattern FORMULA_LIKE = java.util.regex.Pattern.compile("'*[=+\\-@\t\r]");

    static final int MAX_OPTIONS = 8;
    static final List<String> REQUIRED = List.of("stem", "option_a", "option_b", "correct");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    static List<String> header() {
        List<String> header =
                new ArrayList<>(List.of("certification", "domain", "difficulty", "status", "tags", "stem"));
        for (int i = 0; i < MAX_OPTIONS; i++) {
            header.add("option_" + letter(i));
        }
        header.add("correct");
        for (int i = 0; i < MAX_OPTIONS; i++) {
            header.add("explanation_" + letter(i));
        }
        header.addAll(List.of("explanation", "references", "title", "category", "format"));
        return header;
    }

    @Override
    public ParsedFile parse(InputStream in) throws IOException {
        List<ParsedFile.Parsed> questions = new ArrayList<>();
        List<ParsedFile.Problem> errors = new ArrayList<>();
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            parser.getHeaderMap().forEach((name, index) -> {
                if (name != null && !name.isBlank()) {
                    columns.put(name.strip(), index);
                }
            });
            List<String> missing =
                    REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new ParsedFile.Problem(
                        1,
                        "line 1 (header)",
                        "The header lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                                + ". The first line must name the columns, e.g. " + String.join(",", header())
                                + "."));
                return new ParsedFile(questions, errors, List.of());
            }
            long previousEnd = parser.getCurrentLineNumber();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) previousEnd + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new ParsedFile.Problem(
                            line,
                            "line " + line,
                            "The CSV is malformed from here on (often a quote that is never closed): "
                                    + rootMessage(e)));
                    break;
                }
                previousEnd = parser.getCurrentLineNumber();
                List<String> problems = new ArrayList<>();
                QuestionData question = toQuestion(new Row(record, columns), problems);
                String label = "line " + line;
                if (problems.isEmpty()) {
                    questions.add(new ParsedFile.Parsed(line, label, question));
                } else {
                    errors.add(new ParsedFile.Problem(line, label, String.join(" ", problems)));
                }
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            errors.add(new ParsedFile.Problem(1, "line 1 (header)", "The header cannot be read: " + rootMessage(e)));
        }
        return new ParsedFile(questions, errors, List.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private record Row(CSVRecord record, Map<String, Integer> columns) {
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return "";
            }
            return unneutralised(record.get(index)).strip();
        }
    }

    /**
     * OWASP's CSV injection advice: a cell that starts with {@code = + - @}, tab or carriage return
     * would be run as a formula by spreadsheet programs, so it is written with a leading single
     * quote (shown as text, not saved by the spreadsheet). A cell that already starts with quotes
     * before such a character gets one more, so reading can always take exactly one off.
     */
    static String neutralised(String cell) {
        return FORMULA_LIKE.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralised}: an export read back gives the exact texts written. */
    static String unneutralised(String cell) {
        return cell.startsWith("'") && FORMULA_LIKE.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }

    private static QuestionData toQuestion(Row row, List<String> problems) {
        List<QuestionData.OptionData> options = new ArrayList<>();
        int lastFilled = -1;
        for (int i = 0; i < MAX_OPTIONS; i++) {
            if (!row.get("option_" + letter(i)).isEmpty()) {
                lastFilled = i;
            }
        }
        List<String> correctLetters = letters(row.get("correct"));
        for (String l : correctLetters) {
            int index = l.charAt(0) - 'a';
            if (l.length() != 1 || index < 0 || index >= MAX_OPTIONS) {
                problems.add(
                        "'correct' must name options by letter (A to H), e.g. B or A;C: '" + row.get("correct") + "'.");
                return null;
            }
            if (index > lastFilled) {
                problems.add("'correct' names option " + l.toUpperCase(Locale.ROOT) + ", which is empty.");
            }
        }
        for (int i = 0; i <= lastFilled; i++) {
            String text = row.get("option_" + letter(i));
            if (text.isEmpty()) {
                problems.add("option_" + letter(i) + " is empty but a later option is not.");
            }
            options.add(new QuestionData.OptionData(
                    text, correctLetters.contains(letter(i)), row.get("explanation_" + letter(i))));
        }
        Integer difficulty = null;
        String difficultyText = row.get("difficulty");
        if (!difficultyText.isEmpty()) {
            try {
                difficulty = Integer.valueOf(difficultyText);
            } catch (NumberFormatException e) {
                problems.add("'difficulty' must be 1, 2 or 3: '" + difficultyText + "'.");
            }
        }
        // Optional column; without it texts are Markdown, as exports from before it were.
        TextFormat format = TextFormat.MARKDOWN;
        String formatText = row.get("format");
        if (!formatText.isEmpty()) {
            format = TextFormat.parse(formatText).orElse(null);
            if (format == null) {
                problems.add("'format' must be plain, markdown or html: '" + formatText + "'.");
                format = TextFormat.MARKDOWN;
            }
        }
        if (format == TextFormat.HTML) {
            options = options.stream()
                    .map(o -> new QuestionData.OptionData(
                            QuestionText.sanitize(o.text()), o.correct(), QuestionText.sanitize(o.explanation())))
                    .toList();
        }
        boolean html = format == TextFormat.HTML;
        return new QuestionData(
                blankToNull(row.get("certification")),
                blankToNull(row.get("domain")),
                blankToNull(row.get("category")),
                blankToNull(row.get("title")),
                html ? QuestionText.sanitize(row.get("stem")) : row.get("stem"),
                options,
                html ? QuestionText.sanitize(row.get("explanation")) : row.get("explanation"),
                split(row.get("references")),
                difficulty,
                split(row.get("tags")),
                blankToNull(row.get("status")),
                format,
                false);
    }

    private static List<String> letters(String correct) {
        return Arrays.stream(correct.toLowerCase(Locale.ROOT).split("[;,\\s]+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    @Override
    public void write(List<QuestionData> questions, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // A byte order mark, so that spreadsheet programs read the file as UTF-8.
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header().toArray(String[]::new))
                        .get());
        for (QuestionData q : questions) {
            List<String> row = new ArrayList<>();
            row.add(nullToEmpty(q.certification()));
            row.add(nullToEmpty(q.domain()));
            row.add(q.difficulty() == null ? "" : q.difficulty().toString());
            row.add(nullToEmpty(q.status()));
            row.add(String.join(";", q.tags()));
            row.add(q.stem());
            List<String> correct = new ArrayList<>();
            for (int i = 0; i < MAX_OPTIONS; i++) {
                boolean present = i < q.options().size();
                row.add(present ? q.options().get(i).text() : "");
                if (present && q.options().get(i).correct()) {
                    correct.add(letter(i).toUpperCase(Locale.ROOT));
                }
            }
            row.add(String.join(";", correct));
            for (int i = 0; i < MAX_OPTIONS; i++) {
                row.add(i < q.options().size() ? nullToEmpty(q.options().get(i).explanation()) : "");
            }
            row.add(nullToEmpty(q.explanation()));
            row.add(String.join(";", q.references()));
            row.add(nullToEmpty(q.title()));
            row.add(nullToEmpty(q.category()));
            row.add(q.format().id());
            printer.printRecord(row.stream().map(CsvQuestionFormat::neutralised).toList());
        }
        printer.flush();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
