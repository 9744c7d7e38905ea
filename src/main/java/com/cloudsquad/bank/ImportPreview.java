package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.ParsedFile.Problem;
import java.util.List;

/**
 * What an import would do, shown before anything is written: one entry per question read, the
 * file-level errors, the questions skipped (types we do not take) and the file's categories.
 */
public record ImportPreview(
        String uploadId,
        String formatId,
        String fileName,
        List<Entry> entries,
        List<Problem> fileErrors,
        List<Problem> skipped,
        List<String> unmappedCategories) {

    public long errorCount() {
        return fileErrors.size()
                + entries.stream().filter(e -> !e.errors().isEmpty()).count();
    }

    public long warningCount() {
        return entries.stream().filter(e -> !e.warnings().isEmpty()).count();
    }

    public int toCreate() {
        return entries.size();
    }

    /** All or nothing: one bad question (or a bad file) blocks the whole import. */
    public boolean canConfirm() {
        return errorCount() == 0 && !entries.isEmpty() && unmappedCategories.isEmpty();
    }

    public List<Entry> entriesWithErrors() {
        return entries.stream().filter(e -> !e.errors().isEmpty()).toList();
    }

    /**
     * One question of the file.
     *
     * @param content the question as it would be stored; null when it cannot be (see errors)
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
            QuestionContent content) {}
}
