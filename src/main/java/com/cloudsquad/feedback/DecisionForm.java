package com.cloudsquad.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An admin's decision on a problem report, with a note the reporter reads. */
public class DecisionForm {

    @NotNull(message = "Choose resolve or reject.")
    private ReportStatus decision;

    @NotBlank(message = "Write a note for the reporter: what you changed, or why nothing needs changing.")
    @Size(max = ProblemReports.MAX_NOTE, message = "Keep the note to 1,000 characters or fewer.")
    private String note = "";

    public ReportStatus getDecision() {
        return decision;
    }

    public void setDecision(ReportStatus decision) {
        this.decision = decision;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note.strip();
    }
}
