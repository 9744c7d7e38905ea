package com.cloudsquad.feedback;

import org.springframework.stereotype.Service;

/** What the admin console counts of feedback: work waiting for admins. */
@Service
public class FeedbackCounts {

    private final ProblemReports reports;
    private final Reviews reviews;

    FeedbackCounts(ProblemReports reports, Reviews reviews) {
        this.reports = reports;
        this.reviews = reviews;
    }

    /** Problem reports no admin has resolved or rejected yet. */
    public long openProblemReports() {
        return reports.openCount();
    }

    /** Reviews admins have hidden from the public page. */
    public long hiddenReviews() {
        return reviews.hiddenCount();
    }
}
