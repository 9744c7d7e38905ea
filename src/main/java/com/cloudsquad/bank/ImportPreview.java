package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.ParsedFile.Problem;
import java.util.List;

/**
 * What an import would do, shown before anything is written: one entry per question read, the
 * file-level errors, the questions skipped (types we do not take), the file's categories still
 * to map to a domain, and the choices the admin made.
 */
public record ImportPreview(
        String uploadId,
        String formatId,
        String fileName,
        List<Entry> entries,
        List<Problem> fileErrors,
        List<Problem> skipped,
        List<String> unmappedCategories,
        QuestionImport.TwoKeys twoKeys) {

    /** Questions that cannot be imported as the file stands (file errors count once each). */
    public long errorCount() {
        return fileErrors.size()
                + entries.stream().filter(e -> !e.errors().isEmpty()).count();
    }

    public long warningCount() {
        return entries.stream().filter(e -> !e.warnings().isEmpty()).count();
    }

    /** Questions that will be stored once the admin confirms. */
    public int toCreate() {
        return (int) entries.stream().filter(Entry::importable).count();
    }

    /** Questions read that still wait for their category's domain. */
    public long awaitingDomain() {
        return entries.stream().filter(Entry::awaitingDomain).count();
    }

    /** Single-answer questions with two full-mark answers, which need the admin's choice. */
    public long twoKeyQuestions() {
        return entries.stream().filter(Entry::twoKeys).count();
    }

    public boolean needsTwoKeysChoice() {
        return twoKeys == null && twoKeyQuestions() > 0;
    }

    /** All or nothing: one bad question (or a bad file) blocks the whole import. */
    public boolean canConfirm() {
        return errorCount() == 0
                && !entries.isEmpty()
                && unmappedCategories.isEmpty()
                && !needsTwoKeysChoice()
                && toCreate() == entries.size();
    }

    public List<Entry> entriesWithErrors() {
        return entries.stream().filter(e -> !e.errors().isEmpty()).toList();
    }

    /** One sentence on what the import will do, or plainly why nothing can be imported. */
    public String summary() {
        if (!fileErrors.isEmpty()) {
            return "Nothing can be imported: " + fileErrors.get(0).message();
        }
        if (entries.isEmpty()) {
            return skipped.isEmpty()
                    ? "Nothing can be imported: the file holds no questions Cloud Squad can read."
                    : "Nothing can be imported: the file's " + skipped.size()
                            + " question(s) are all of types Cloud Squad does not take (multiple choice only).";
        }
        String skippedPart =
                skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped (types Cloud Squad does not take)";
        long errors = errorCount();
        if (errors > 0) {
            return "Nothing will be imported yet: " + errors + " of " + entries.size()
                    + " question(s) read have errors (listed below)" + skippedPart
                    + ". An import is all or nothing: fix the file and upload it again.";
        }
        if (awaitingDomain() > 0) {
            return entries.size() + " question(s) will be imported once each category has a domain" + skippedPart + ".";
        }
        return entries.size() + " question(s) will be imported" + skippedPart + ".";
    }

    /**
     * One question of the file.
     *
     * @param content the question as it would be stored; null when it cannot be (see errors)
     * @param awaitingDomain its category has no domain yet: the next step, not an error
     * @param twoKeys a single-answer question with two or more full-mark answers in the file
     */
    public record Entry(
            int line,
            String label,
            String stem,
            String certification,
            String domain,
            QuestionStatus status,
            List<String> errors,
            List<String> warnings,
            QuestionContent content,
            boolean awaitingDomain,
            boolean twoKeys) {

        public Entry(
                int line,
                String label,
                String stem,
                String certification,
                String domain,
                QuestionStatus status,
                List<String> errors,
                List<String> warnings,
                QuestionContent content) {
            this(line, label, stem, certification, domain, status, errors, warnings, content, false, false);
        }

        public boolean importable() {
            return content != null && errors.isEmpty();
        }

        /** What the preview's last column says first. */
        public String verdict() {
            if (!errors.isEmpty()) {
                return "Not importable";
            }
            if (awaitingDomain) {
                return "Waiting for a domain";
            }
            return content == null ? "Waiting for a choice" : "Will be imported";
        }
    }
}
