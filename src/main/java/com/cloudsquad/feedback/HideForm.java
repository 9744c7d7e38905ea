package com.cloudsquad.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin hides a review; the author reads it. */
public class HideForm {

    @NotBlank(message = "Say why the review is hidden: its author reads it.")
    @Size(max = 500, message = "Keep the reason to 500 characters or fewer.")
    private String reason = "";

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason.strip();
    }
}
