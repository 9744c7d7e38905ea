package com.cloudsquad.feedback;

import com.cloudsquad.platform.ConsoleFigure;
import com.cloudsquad.platform.ConsoleFigures;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Feedback's tiles on the admin console: open problem reports and hidden reviews. */
@Component
@Order(10)
class FeedbackConsoleFigures implements ConsoleFigures {

    private final FeedbackCounts counts;

    FeedbackConsoleFigures(FeedbackCounts counts) {
        this.counts = counts;
    }

    @Override
    public List<ConsoleFigure> figures() {
        return List.of(
                ConsoleFigure.count("Open problem reports", counts.openProblemReports(), "/admin/reports"),
                ConsoleFigure.count("Hidden reviews", counts.hiddenReviews(), "/admin/reviews"));
    }
}
