package com.cloudsquad.bank;

import java.util.List;

/**
 * What one version of a question says, with its domain resolved. Forms and imports produce it;
 * {@link QuestionRules} decide whether it may be stored.
 */
public record QuestionContent(
        long domainId,
        int difficulty,
        String title,
        String stem,
        List<Option> options,
        String explanation,
        List<String> references,
        List<String> tags,
        String imageKey,
        TextFormat format) {

    /** Written in Markdown, as the form and the seed bank always were. */
    public QuestionContent(
            long domainId,
            int difficulty,
            String title,
            String stem,
            List<Option> options,
            String explanation,
            List<String> references,
            List<String> tags,
            String imageKey) {
        this(domainId, difficulty, title, stem, options, explanation, references, tags, imageKey, TextFormat.MARKDOWN);
    }

    /** Without an image, in Markdown. */
    public QuestionContent(
            long domainId,
            int difficulty,
            String title,
            String stem,
            List<Option> options,
            String explanation,
            List<String> references,
            List<String> tags) {
        this(domainId, difficulty, title, stem, options, explanation, references, tags, null);
    }

    public QuestionContent {
        format = format == null ? TextFormat.MARKDOWN : format;
        imageKey = imageKey == null || imageKey.isBlank() ? null : imageKey;
        options = List.copyOf(options);
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        stem = stem == null ? "" : stem.strip();
        explanation = explanation == null ? "" : explanation.strip();
        title = title == null || title.isBlank() ? null : title.strip();
    }

    public QuestionContent withDomain(long otherDomainId) {
        return new QuestionContent(
                otherDomainId, difficulty, title, stem, options, explanation, references, tags, imageKey, format);
    }

    public QuestionContent withImage(String otherImageKey) {
        return new QuestionContent(
                domainId, difficulty, title, stem, options, explanation, references, tags, otherImageKey, format);
    }

    public long correctCount() {
        return options.stream().filter(Option::correct).count();
    }

    public boolean multipleResponse() {
        return correctCount() > 1;
    }

    public record Option(String text, boolean correct, String explanation) {
        public Option {
            text = text == null ? "" : text.strip();
            explanation = explanation == null ? "" : explanation.strip();
        }
    }
}
