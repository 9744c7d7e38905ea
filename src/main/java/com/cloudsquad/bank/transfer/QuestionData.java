package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.TextFormat;
import java.util.List;

/**
 * One question as files and forms carry it, before it is checked against the catalog and the
 * bank's rules. Every import format parses into this and every export format writes from it.
 *
 * @param certification certification code such as "SAA-C03"; null when the file does not say
 * @param domain domain name as in the catalog; null when the file does not say
 * @param category the file's own category path (GIFT $CATEGORY, Moodle category), or null; the
 *     import preview maps categories to certification and domain
 * @param title optional short title (GIFT ::title::, Moodle name)
 * @param stem the question text: plain text with light Markdown (paragraphs, lists, `code`)
 * @param options 2 to 8 options in the order the author gave them
 * @param explanation the general explanation
 * @param references https links to AWS documentation
 * @param difficulty 1 (easy) to 3 (hard); null when the file does not say
 * @param tags lower-case service names
 * @param status DRAFT, PUBLISHED or RETIRED; null when the file does not say
 * @param format how stem, options and explanations are written (plain, Markdown or HTML)
 * @param singleAnswer the source asks for one answer (GIFT {@code =}, Moodle {@code single}),
 *     whatever number of options it marks fully right; the import decides what two keys mean
 */
public record QuestionData(
        String certification,
        String domain,
        String category,
        String title,
        String stem,
        List<OptionData> options,
        String explanation,
        List<String> references,
        Integer difficulty,
        List<String> tags,
        String status,
        TextFormat format,
        Boolean singleAnswer) {

    /** Markdown, with as many answers as options marked right (our own formats). */
    public QuestionData(
            String certification,
            String domain,
            String category,
            String title,
            String stem,
            List<OptionData> options,
            String explanation,
            List<String> references,
            Integer difficulty,
            List<String> tags,
            String status) {
        this(
                certification,
                domain,
                category,
                title,
                stem,
                options,
                explanation,
                references,
                difficulty,
                tags,
                status,
                TextFormat.MARKDOWN,
                false);
    }

    public QuestionData {
        format = format == null ? TextFormat.MARKDOWN : format;
        // A wrapper so that JSON without the field (the API's clients) reads as false.
        singleAnswer = Boolean.TRUE.equals(singleAnswer);
        options = options == null ? List.of() : List.copyOf(options);
        references = references == null ? List.of() : List.copyOf(references);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Two or more correct options: a multiple-response question. */
    public boolean isMultipleResponse() {
        return correctCount() > 1;
    }

    public long correctCount() {
        return options.stream().filter(OptionData::correct).count();
    }

    public QuestionData withFormat(TextFormat other) {
        return new QuestionData(
                certification,
                domain,
                category,
                title,
                stem,
                options,
                explanation,
                references,
                difficulty,
                tags,
                status,
                other,
                singleAnswer);
    }

    public record OptionData(String text, boolean correct, String explanation) {}
}
