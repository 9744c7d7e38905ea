package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds what the attempt pages show from an attempt, its questions and the exact versions it
 * showed. Everything a template needs is computed here (Thymeleaf's restricted mode calls no beans).
 */
@Component
public class AttemptViews {

    private final QuestionBank bank;
    private final QuestionText text;
    private final AttemptQueries queries;

    AttemptViews(QuestionBank bank, QuestionText text, AttemptQueries queries) {
        this.bank = bank;
        this.text = text;
        this.queries = queries;
    }

    public record OptionView(
            int number,
            String letter,
            int originalPosition,
            String textHtml,
            boolean selected,
            boolean correct,
            String explanationHtml) {}

    /**
     * @param reveal whether right answers and explanations are shown (results, checked practice)
     */
    public record QuestionView(
            int position,
            int total,
            String domainName,
            String stemHtml,
            String prompt,
            boolean multiple,
            int chooseCount,
            String imageUrl,
            List<OptionView> options,
            boolean flagged,
            boolean answered,
            boolean checked,
            Boolean correct,
            boolean reveal,
            String explanationHtml,
            List<String> references) {}

    /** A cell of the question grid: what {@link #navItems} writes for it. */
    public record NavCell(
            int position, boolean answered, boolean flagged, boolean current, String label, String cssClass) {}

    /** One domain's result; {@code answered} is what learning modes measure against. */
    public record DomainResult(String name, int correct, int total, int percent, int answered) {
        public int answeredPercent() {
            return answered == 0 ? 0 : Math.round(100f * correct / answered);
        }
    }

    public QuestionView question(
            AttemptQuestion q, QuestionVersion version, int total, Certification certification, boolean reveal) {
        QuestionContent content = version.content();
        Set<Integer> correct = AnswerKey.correctPositions(content);
        List<OptionView> options = new ArrayList<>();
        List<Integer> order = q.optionOrder().isEmpty()
                ? java.util.stream.IntStream.range(0, content.options().size())
                        .boxed()
                        .toList()
                : q.optionOrder();
        for (int i = 0; i < order.size(); i++) {
            int original = order.get(i);
            QuestionContent.Option option = content.options().get(original);
            options.add(new OptionView(
                    i + 1,
                    String.valueOf((char) ('A' + i)),
                    original,
                    inline(option.text(), content),
                    q.selected().contains(original),
                    reveal && option.correct(),
                    reveal ? text.html(option.explanation(), content.format()) : ""));
        }
        String domain = certification.domain(q.domainId()).map(ExamDomain::name).orElse("");
        return new QuestionView(
                q.position(),
                total,
                domain,
                text.html(content.stem(), content.format()),
                text.choosePrompt(content.stem(), correct.size()),
                correct.size() > 1,
                correct.size(),
                content.imageKey() == null ? null : "/images/" + content.imageKey(),
                options,
                q.flagged(),
                q.answered(),
                q.checked(),
                q.correct(),
                reveal,
                reveal ? text.html(content.explanation(), content.format()) : "",
                reveal ? content.references() : List.of());
    }

    /** Option texts are one paragraph: render without the wrapping {@code <p>}. */
    private String inline(String optionText, QuestionContent content) {
        String html = text.html(optionText, content.format()).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * A closed attempt's questions with their review views, as its results page shows them.
     * Nothing in it changes once the attempt is closed (answers, flags and checks are refused
     * then, and versions are never edited), so it is computed once and kept: reading 30 questions
     * and their versions and building their views was most of the results page's work outside
     * the template.
     */
    public record ClosedResults(List<AttemptQuestion> questions, List<QuestionView> reviews) {}

    /** What a closed attempt's results depend on; a renamed domain (the certification) is a new key. */
    private record ResultsKey(long attemptId, AttemptStatus status, Instant closedAt, Certification certification) {}

    private final Cache<ResultsKey, ClosedResults> closedResults = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterAccess(java.time.Duration.ofMinutes(10))
            .build();

    public ClosedResults closedResults(Attempt attempt, Certification certification) {
        if (attempt.open()) {
            throw new IllegalStateException("Attempt " + attempt.id() + " is still open");
        }
        return closedResults.get(
                new ResultsKey(attempt.id(), attempt.status(), attempt.closedAt(), certification), key -> {
                    List<AttemptQuestion> questions = queries.questions(attempt.id());
                    Map<Long, QuestionVersion> versions = versions(questions);
                    List<QuestionView> reviews = questions.stream()
                            .map(q -> question(q, versions.get(q.versionId()), questions.size(), certification, true))
                            .toList();
                    return new ClosedResults(questions, reviews);
                });
    }

    public List<NavCell> nav(List<AttemptQuestion> questions, int current) {
        return questions.stream()
                .map(q -> new NavCell(
                        q.position(),
                        q.answered(),
                        q.flagged(),
                        q.position() == current,
                        "Question " + q.position() + (q.answered() ? ", answered" : ", not answered")
                                + (q.flagged() ? ", flagged" : ""),
                        "nav-cell" + (q.answered() ? " answered" : "") + (q.flagged() ? " flagged" : "")
                                + (q.position() == current ? " current" : "")))
                .toList();
    }

    /**
     * The question grid's items as HTML, for {@code th:utext}. As Thymeleaf expressions, thirty
     * links with five attributes each were a sixth of the question page's CPU; written here in one
     * pass they cost next to nothing. Only numbers and fixed words go in; attributes are escaped
     * all the same.
     */
    public String navItems(List<AttemptQuestion> questions, int current, String base) {
        StringBuilder html = new StringBuilder(questions.size() * 140);
        for (NavCell cell : nav(questions, current)) {
            html.append("<li><a href=\"")
                    .append(HtmlUtils.htmlEscape(base + "/q/" + cell.position()))
                    .append("\" class=\"")
                    .append(cell.cssClass())
                    .append("\" id=\"nav-")
                    .append(cell.position())
                    .append("\" aria-label=\"")
                    .append(HtmlUtils.htmlEscape(cell.label()))
                    .append('"');
            if (cell.current()) {
                html.append(" aria-current=\"page\"");
            }
            html.append('>').append(cell.position()).append("</a></li>");
        }
        return html.toString();
    }

    public static long answered(List<AttemptQuestion> questions) {
        return questions.stream().filter(AttemptQuestion::answered).count();
    }

    public Map<Long, QuestionVersion> versions(List<AttemptQuestion> questions) {
        return bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
    }

    public List<DomainResult> domains(List<AttemptQuestion> questions, Certification certification) {
        Map<Long, int[]> byDomain = new LinkedHashMap<>();
        certification.domains().forEach(d -> byDomain.put(d.id(), new int[3]));
        for (AttemptQuestion q : questions) {
            int[] counts = byDomain.computeIfAbsent(q.domainId(), id -> new int[3]);
            counts[1]++;
            if (q.answered()) {
                counts[2]++;
            }
            if (Boolean.TRUE.equals(q.correct())) {
                counts[0]++;
            }
        }
        List<DomainResult> results = new ArrayList<>();
        for (ExamDomain d : certification.domains()) {
            int[] counts = byDomain.get(d.id());
            if (counts[1] > 0) {
                results.add(new DomainResult(
                        d.name(), counts[0], counts[1], Math.round(100f * counts[0] / counts[1]), counts[2]));
            }
        }
        return results;
    }

    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? "%d h %02d min".formatted(h, m) : "%d min %02d s".formatted(m, s);
    }

    /** An attempt's state as the lists and the results page name it. */
    public static String statusLabel(Attempt a) {
        return switch (a.status()) {
            case IN_PROGRESS -> "In progress";
            case SUBMITTED -> "Submitted";
            case EXPIRED -> "Submitted by the clock";
            case ABANDONED -> a.timed() ? "Abandoned" : "Left";
        };
    }

    /**
     * The score as the attempt lists show it: "780 (pass)" for timed modes; learning modes show
     * what was right, since a verdict on a practice is no verdict on the exam.
     */
    public static String score(Attempt attempt) {
        if (attempt.status() == AttemptStatus.ABANDONED && attempt.timed()) {
            return "Abandoned, not scored";
        }
        if (attempt.scaledScore() == null) {
            // learning modes finished early: what was right, never a scaled score or a verdict
            return attempt.correctCount() == null ? "—" : attempt.correctCount() + " right";
        }
        if (attempt.mode().learning()) {
            return attempt.correctCount() + " of " + attempt.questionCount() + " right";
        }
        return attempt.scaledScore() + (Boolean.TRUE.equals(attempt.passed()) ? " (pass)" : " (not yet)");
    }

    public static long remainingMillis(Attempt attempt, Instant now) {
        Duration remaining = attempt.remaining(now);
        return remaining == null ? -1 : remaining.toMillis();
    }
}
