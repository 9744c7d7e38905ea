package com.cloudsquad.bank.transfer;

import java.util.List;

/**
 * What a parser made of a file: the questions it could read, the questions it could not read
 * (errors), and the questions it deliberately does not take (skipped, e.g. a Moodle essay).
 */
public record ParsedFile(List<Parsed> questions, List<Problem> errors, List<Problem> skipped) {

    public ParsedFile {
        questions = List.copyOf(questions);
        errors = List.copyOf(errors);
        skipped = List.copyOf(skipped);
    }

    /**
     * A question read from the file.
     *
     * @param line the 1-based line where it starts (CSV: the record's line; JSON: 0 when unknown)
     * @param label how a person finds it in the file: "line 12", "question 3 'S3 encryption'"
     * @param notes what the import could not carry over as written (media, partial credit), for
     *     the preview to show next to the question
     */
    public record Parsed(int line, String label, QuestionData question, List<String> notes) {

        public Parsed(int line, String label, QuestionData question) {
            this(line, label, question, List.of());
        }

        public Parsed {
            notes = List.copyOf(notes);
        }
    }

    /**
     * A question (or the whole file) that could not be taken, with the reason in plain words.
     *
     * @param line 1-based line, or 0 when the format has no useful line (then label says where)
     */
    public record Problem(int line, String label, String message) {}
}
