package com.cloudsquad.feedback;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.QuestionVersion;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/** Problem reports as pages list them: the question's text as the candidate saw it, shortened. */
@Component
class ReportViews {

    private static final int EXCERPT = 160;

    private final QuestionBank bank;
    private final QuestionText text;

    ReportViews(QuestionBank bank, QuestionText text) {
        this.bank = bank;
        this.text = text;
    }

    /** A report with the question's text and dates ready to show. */
    public record ReportRow(
            ProblemReport report, String reporter, String question, int versionNo, String created, String decided) {}

    List<ReportRow> rows(Collection<ProblemReport> reports, Map<Long, String> reporters, ZoneId zone) {
        Map<Long, QuestionVersion> versions =
                bank.versions(reports.stream().map(ProblemReport::versionId).toList());
        return reports.stream()
                .map(r -> {
                    QuestionVersion v = versions.get(r.versionId());
                    return new ReportRow(
                            r,
                            reporters.getOrDefault(r.accountId(), "#" + r.accountId()),
                            v == null ? "Question " + r.questionId() : excerpt(v),
                            v == null ? 0 : v.versionNo(),
                            com.cloudsquad.platform.DisplayTime.dateTime(r.createdAt(), zone),
                            r.decidedAt() == null
                                    ? null
                                    : com.cloudsquad.platform.DisplayTime.dateTime(r.decidedAt(), zone));
                })
                .toList();
    }

    /** The question's text as plain words, shortened for a list. */
    String excerpt(QuestionVersion version) {
        String plain = Jsoup.parse(html(version)).text();
        return plain.length() <= EXCERPT
                ? plain
                : plain.substring(0, EXCERPT - 1).strip() + "…";
    }

    /** The question's text as safe HTML (the bank's renderer). */
    String html(QuestionVersion version) {
        return text.html(version.content().stem(), version.content().format());
    }
}
