package com.cloudsquad.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A problem report as sent from the answer review or practice feedback. */
public class ReportForm {

    private Long attemptId;
    private Integer position;

    @NotNull(message = "Choose what is wrong with the question.")
    private ReportReason reason;

    @NotBlank(message = "Say what is wrong, in a sentence or two.")
    @Size(max = ProblemReports.MAX_COMMENT, message = "Keep your comment to 2,000 characters or fewer.")
    private String comment = "";

    public Long getAttemptId() {
        return attemptId;
    }

    public void setAttemptId(Long attemptId) {
        this.attemptId = attemptId;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }

    public ReportReason getReason() {
        return reason;
    }

    public void setReason(ReportReason reason) {
        this.reason = reason;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment.strip();
    }
}
