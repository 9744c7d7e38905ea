package com.cloudsquad.bank;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a question must meet to be stored, shared by the admin form, every import format and
 * the seed bank. Errors block; warnings flag a shape that differs from the real exam.
 */
@Component
public class QuestionRules {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 8;
    public static final int MAX_STEM = 4000;
    public static final int MAX_TEXT = 2000;
    /** Column sizes: a longer title or tag list must be an error on its field, not a failed INSERT. */
    public static final int MAX_TITLE = 200;

    public static final int MAX_TAGS = 500;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,39}");

    /** The rules, and that the domain is one of {@code certification}'s (an error on "domainId" if not). */
    public Verdict check(QuestionContent q, com.cloudsquad.catalog.Certification certification) {
        Verdict verdict = check(q);
        if (certification.domain(q.domainId()).isPresent()) {
            return verdict;
        }
        List<Finding> errors = new ArrayList<>();
        errors.add(new Finding("domainId", "Choose a domain of " + certification.code() + "."));
        errors.addAll(verdict.errors());
        return new Verdict(errors, verdict.warnings());
    }

    public Verdict check(QuestionContent q) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (q.stem().isBlank()) {
            errors.add(new Finding("stem", "Write the question text."));
        } else if (q.stem().length() > MAX_STEM) {
            errors.add(new Finding("stem", "The question text can be at most " + MAX_STEM + " characters."));
        }
        if (q.title() != null && q.title().length() > MAX_TITLE) {
            errors.add(new Finding("title", "The title can be at most " + MAX_TITLE + " characters."));
        }
        if (String.join(",", q.tags()).length() > MAX_TAGS) {
            errors.add(new Finding("tags", "The tags can be at most " + MAX_TAGS + " characters together."));
        }
        if (q.options().size() < MIN_OPTIONS) {
            errors.add(new Finding("options", "A question needs at least " + MIN_OPTIONS + " options."));
        } else if (q.options().size() > MAX_OPTIONS) {
            errors.add(new Finding("options", "A question can have at most " + MAX_OPTIONS + " options."));
        }
        long correct = q.correctCount();
        if (correct == 0) {
            errors.add(new Finding("options", "Mark at least one option as correct."));
        } else if (correct == q.options().size() && q.options().size() >= MIN_OPTIONS) {
            errors.add(new Finding("options", "Not every option can be correct."));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < q.options().size(); i++) {
            QuestionContent.Option option = q.options().get(i);
            String field = "options[" + i + "].text";
            if (option.text().isBlank()) {
                errors.add(new Finding(field, "Write the text of option " + letter(i) + "."));
            } else if (option.text().length() > MAX_TEXT) {
                errors.add(new Finding(field, "Option " + letter(i) + " can be at most " + MAX_TEXT + " characters."));
            } else if (!seen.add(option.text().toLowerCase(Locale.ROOT))) {
                errors.add(new Finding(field, "Option " + letter(i) + " repeats another option."));
            }
            if (option.explanation().length() > MAX_TEXT) {
                errors.add(new Finding(
                        "options[" + i + "].explanation",
                        "The explanation of option " + letter(i) + " can be at most " + MAX_TEXT + " characters."));
            }
        }
        if (q.explanation().length() > MAX_STEM) {
            errors.add(new Finding("explanation", "The explanation can be at most " + MAX_STEM + " characters."));
        }
        if (q.difficulty() < 1 || q.difficulty() > 3) {
            errors.add(new Finding("difficulty", "Difficulty is 1 (easy), 2 (medium) or 3 (hard)."));
        }
        for (String reference : q.references()) {
            if (!isHttpsLink(reference)) {
                errors.add(new Finding("references", "References must be https links: " + reference));
            }
        }
        for (String tag : q.tags()) {
            if (!TAG.matcher(tag).matches()) {
                errors.add(new Finding("tags", "Tags are lower-case words such as s3 or iam-identity-center: " + tag));
            }
        }
        if (correct == 1 && q.options().size() != 4) {
            warnings.add(new Finding(
                    "options",
                    "Single-answer questions on the real exam have 4 options; this one has "
                            + q.options().size() + "."));
        }
        if (correct > 1 && q.options().size() < 5) {
            warnings.add(new Finding(
                    "options",
                    "Multiple-response questions on the real exam have 5 or more options; this one has "
                            + q.options().size() + "."));
        }
        return new Verdict(errors, warnings);
    }

    static boolean isHttpsLink(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** One problem, named by the form field at fault ("stem", "options[2].text"…). */
    public record Finding(String field, String message) {}

    public record Verdict(List<Finding> errors, List<Finding> warnings) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
