package com.cloudsquad.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The admin's question form: options as rows that can be added and removed. */
public class QuestionForm {

    private Long certificationId;
    private Long domainId;
    private Integer difficulty = 2;
    private String title;
    private String stem;
    private String explanation;
    private String references;
    private String tags;
    private int lockVersion;
    private String imageKey;
    private boolean removeImage;
    private TextFormat format = TextFormat.MARKDOWN;
    private List<OptionForm> options = new ArrayList<>();

    public static QuestionForm blank(Long certificationId) {
        QuestionForm form = new QuestionForm();
        form.certificationId = certificationId;
        for (int i = 0; i < 4; i++) {
            form.options.add(new OptionForm());
        }
        return form;
    }

    public static QuestionForm of(QuestionDetail question) {
        QuestionContent content = question.content();
        QuestionForm form = new QuestionForm();
        form.certificationId = question.certificationId();
        form.domainId = content.domainId();
        form.difficulty = content.difficulty();
        form.title = content.title();
        form.stem = content.stem();
        form.explanation = content.explanation();
        form.references = String.join("\n", content.references());
        form.tags = String.join(", ", content.tags());
        form.lockVersion = question.lockVersion();
        form.imageKey = content.imageKey();
        form.format = content.format();
        for (QuestionContent.Option option : content.options()) {
            OptionForm row = new OptionForm();
            row.setText(option.text());
            row.setCorrect(option.correct());
            row.setExplanation(option.explanation());
            form.options.add(row);
        }
        return form;
    }

    /**
     * The content as typed (HTML through the safelist, as it is stored); a missing domain is 0,
     * which no certification has (the rules say so).
     */
    QuestionContent toContent() {
        TextFormat f = format == null ? TextFormat.MARKDOWN : format;
        return new QuestionContent(
                domainId == null ? 0 : domainId,
                difficulty == null ? 0 : difficulty,
                title == null || title.isBlank() ? null : title.strip(),
                stored(stem, f),
                options.stream()
                        .map(o -> new QuestionContent.Option(
                                stored(o.getText(), f), o.isCorrect(), stored(o.getExplanation(), f)))
                        .toList(),
                stored(explanation, f),
                lines(references, "[\\r\\n]+"),
                lines(tags == null ? null : tags.toLowerCase(Locale.ROOT), "[,\\s]+"),
                removeImage ? null : imageKey,
                f);
    }

    private static String stored(String text, TextFormat format) {
        return format == TextFormat.HTML ? QuestionText.sanitize(text) : text;
    }

    private static List<String> lines(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    public Long getCertificationId() {
        return certificationId;
    }

    public void setCertificationId(Long certificationId) {
        this.certificationId = certificationId;
    }

    public Long getDomainId() {
        return domainId;
    }

    public void setDomainId(Long domainId) {
        this.domainId = domainId;
    }

    public Integer getDifficulty() {
        return difficulty;
    }

    public void setDifficulty(Integer difficulty) {
        this.difficulty = difficulty;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getStem() {
        return stem;
    }

    public void setStem(String stem) {
        this.stem = stem;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public String getReferences() {
        return references;
    }

    public void setReferences(String references) {
        this.references = references;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public int getLockVersion() {
        return lockVersion;
    }

    public void setLockVersion(int lockVersion) {
        this.lockVersion = lockVersion;
    }

    public String getImageKey() {
        return imageKey;
    }

    public void setImageKey(String imageKey) {
        this.imageKey = imageKey == null || imageKey.isBlank() ? null : imageKey;
    }

    public boolean isRemoveImage() {
        return removeImage;
    }

    public void setRemoveImage(boolean removeImage) {
        this.removeImage = removeImage;
    }

    public TextFormat getFormat() {
        return format;
    }

    public void setFormat(TextFormat format) {
        this.format = format;
    }

    public List<OptionForm> getOptions() {
        return options;
    }

    public void setOptions(List<OptionForm> options) {
        this.options = options;
    }

    public static class OptionForm {

        private String text;
        private boolean correct;
        private String explanation;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean isCorrect() {
            return correct;
        }

        public void setCorrect(boolean correct) {
            this.correct = correct;
        }

        public String getExplanation() {
            return explanation;
        }

        public void setExplanation(String explanation) {
            this.explanation = explanation;
        }
    }
}
