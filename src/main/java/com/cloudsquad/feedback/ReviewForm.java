package com.cloudsquad.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The candidate's review as typed: 1 to 5 stars and up to 2,000 characters of text. */
public class ReviewForm {

    @NotNull(message = "Choose from 1 to 5 stars.")
    @Min(value = 1, message = "Choose from 1 to 5 stars.")
    @Max(value = 5, message = "Choose from 1 to 5 stars.")
    private Integer stars;

    @Size(max = Reviews.MAX_BODY, message = "Keep your review to 2,000 characters or fewer.")
    private String body = "";

    public Integer getStars() {
        return stars;
    }

    public void setStars(Integer stars) {
        this.stars = stars;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body.strip();
    }
}
