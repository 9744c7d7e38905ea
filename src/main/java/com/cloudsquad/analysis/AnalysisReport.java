package com.cloudsquad.analysis;

import java.util.List;

/**
 * A written analysis of one attempt, as the model returns it (structured output) and as the
 * fallback analyst builds it. Every text is plain text: templates render it escaped.
 */
public record AnalysisReport(
        String summary,
        List<String> strengths,
        List<WeakArea> weakAreas,
        List<StudyDay> studyPlan,
        List<DocLink> docsToRead,
        String readiness) {

    public AnalysisReport {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        weakAreas = weakAreas == null ? List.of() : List.copyOf(weakAreas);
        studyPlan = studyPlan == null ? List.of() : List.copyOf(studyPlan);
        docsToRead = docsToRead == null ? List.of() : List.copyOf(docsToRead);
    }

    /** A domain or topic to work on, and why the facts point at it. */
    public record WeakArea(String area, String reason) {}

    /** One day of the 7-day plan with concrete actions. */
    public record StudyDay(int day, String focus, List<String> actions) {
        public StudyDay {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** AWS documentation to read; only docs.aws.amazon.com and aws.amazon.com links are kept. */
    public record DocLink(String title, String url) {}
}
