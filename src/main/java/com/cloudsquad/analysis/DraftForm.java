package com.cloudsquad.analysis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The admin's request for AI-drafted questions. */
record DraftForm(
        @NotNull(message = "Choose a domain.") Long domainId,

        @NotNull(message = "Choose a difficulty.")
        @Min(value = 1, message = "Difficulty is 1, 2 or 3.")
        @Max(value = 3, message = "Difficulty is 1, 2 or 3.")
        Integer difficulty,

        @NotNull(message = "How many questions?")
        @Min(value = 1, message = "At least one question.")
        @Max(value = 10, message = "At most 10 questions at a time.")
        Integer count,

        @Size(max = 200, message = "Keep the topic under 200 characters.")
        String topic) {

    static DraftForm empty() {
        return new DraftForm(null, 2, 5, "");
    }
}
