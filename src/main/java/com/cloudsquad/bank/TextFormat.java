package com.cloudsquad.bank;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * How the texts of one question version are written, so each is shown exactly as its author
 * meant: PLAIN text as typed (nothing is markup), light MARKDOWN (CommonMark), or HTML (kept
 * through a safelist, stored sanitised). Stem, options and explanations of a version share it.
 */
public enum TextFormat {
    PLAIN("Plain text"),
    MARKDOWN("Markdown"),
    HTML("HTML");

    private final String label;

    TextFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case id files (and the API) carry: "plain", "markdown", "html". */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For the API's JSON: the id in any case; null (Markdown) stays null. */
    @JsonCreator
    static TextFormat fromJson(String value) {
        return value == null
                ? null
                : parse(value)
                        .orElseThrow(() -> new IllegalArgumentException("format must be plain, markdown or html"));
    }

    /** Reads a file's or form's value ("plain", "Markdown", "HTML"…); empty when unknown. */
    public static Optional<TextFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "plain", "plain_text", "text" -> Optional.of(PLAIN);
            case "markdown", "md" -> Optional.of(MARKDOWN);
            case "html" -> Optional.of(HTML);
            default -> Optional.empty();
        };
    }
}
