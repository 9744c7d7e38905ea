package com.cloudsquad.analysis;

import java.util.List;
import java.util.Optional;

/**
 * What a model's report must hold to be shown: a summary, a readiness comment, weak areas with
 * reasons and seven days of concrete actions. Links other than AWS documentation are dropped,
 * and over-long texts are cut.
 */
final class ReportValidation {

    static final int MAX_TEXT = 2000;

    private ReportValidation() {}

    /** The report cleaned up, or empty when it does not pass. */
    static Optional<AnalysisReport> clean(AnalysisReport r) {
        if (r == null
                || blank(r.summary())
                || blank(r.readiness())
                || r.studyPlan().size() != 7) {
            return Optional.empty();
        }
        for (int i = 0; i < 7; i++) {
            AnalysisReport.StudyDay day = r.studyPlan().get(i);
            if (day == null
                    || blank(day.focus())
                    || day.actions().isEmpty()
                    || day.actions().stream().anyMatch(ReportValidation::blank)) {
                return Optional.empty();
            }
        }
        if (r.weakAreas().stream().anyMatch(w -> w == null || blank(w.area()) || blank(w.reason()))) {
            return Optional.empty();
        }
        List<AnalysisReport.StudyDay> plan = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AnalysisReport.StudyDay day = r.studyPlan().get(i);
            plan.add(new AnalysisReport.StudyDay(
                    i + 1,
                    cut(day.focus()),
                    day.actions().stream().limit(6).map(ReportValidation::cut).toList()));
        }
        return Optional.of(new AnalysisReport(
                cut(r.summary()),
                r.strengths().stream()
                        .filter(s -> !blank(s))
                        .limit(10)
                        .map(ReportValidation::cut)
                        .toList(),
                r.weakAreas().stream()
                        .limit(10)
                        .map(w -> new AnalysisReport.WeakArea(cut(w.area()), cut(w.reason())))
                        .toList(),
                plan,
                r.docsToRead().stream()
                        .filter(d -> d != null && AwsDocs.isAwsDocumentation(d.url()))
                        .limit(10)
                        .map(d -> new AnalysisReport.DocLink(
                                blank(d.title()) ? d.url().strip() : cut(d.title()),
                                d.url().strip()))
                        .toList(),
                cut(r.readiness())));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
    }
}
