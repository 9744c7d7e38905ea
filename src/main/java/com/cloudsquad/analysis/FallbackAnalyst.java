package com.cloudsquad.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes a report by rules from the same facts the model gets: the weakest domains, the missed
 * topics grouped by service, a 7-day plan from the curated documentation map. Pages label it as
 * written without AI.
 */
@Component
class FallbackAnalyst {

    static final int STRONG_PERCENT = 70;

    AnalysisReport write(AnalysisFacts facts) {
        List<AnalysisFacts.DomainFact> byWeakness = facts.domains().stream()
                .filter(d -> d.total() > 0)
                .sorted(Comparator.comparingInt(AnalysisFacts.DomainFact::percent)
                        .thenComparing(Comparator.comparingInt(AnalysisFacts.DomainFact::weightPercent)
                                .reversed()))
                .toList();
        List<AnalysisFacts.DomainFact> weak =
                byWeakness.stream().filter(d -> d.percent() < STRONG_PERCENT).toList();
        if (weak.isEmpty() && !byWeakness.isEmpty()) {
            weak = List.of(byWeakness.get(0)); // all strong: the weakest still gets the plan
        }
        Map<String, List<AnalysisFacts.MissedTopic>> topicsByDomain = facts.missedTopics().stream()
                .collect(Collectors.groupingBy(
                        AnalysisFacts.MissedTopic::domain, LinkedHashMap::new, Collectors.toList()));

        List<String> strengths = byWeakness.stream()
                .filter(d -> d.percent() >= STRONG_PERCENT)
                .sorted(Comparator.comparingInt(AnalysisFacts.DomainFact::percent)
                        .reversed())
                .map(d -> d.name() + ": " + d.correct() + " of " + d.total() + " right (" + d.percent() + " %)")
                .toList();

        List<AnalysisReport.WeakArea> weakAreas = new ArrayList<>();
        for (AnalysisFacts.DomainFact d : weak) {
            List<AnalysisFacts.MissedTopic> topics = topicsByDomain.getOrDefault(d.name(), List.of());
            String reason = d.correct() + " of " + d.total() + " right (" + d.percent() + " %) in a domain weighing "
                    + d.weightPercent() + " % of the exam"
                    + (topics.isEmpty()
                            ? "."
                            : "; missed topics: "
                                    + topics.stream()
                                            .limit(5)
                                            .map(t -> t.topic() + (t.missed() > 1 ? " (" + t.missed() + ")" : ""))
                                            .collect(Collectors.joining(", "))
                                    + ".");
            weakAreas.add(new AnalysisReport.WeakArea(d.name(), reason));
        }

        Set<AnalysisReport.DocLink> docs = new LinkedHashSet<>();
        for (AnalysisFacts.DomainFact d : weak) {
            docs.addAll(AwsDocs.forDomain(d.name()));
        }
        for (AnalysisFacts.MissedTopic t : facts.missedTopics()) {
            AwsDocs.forTopic(t.topic()).ifPresent(docs::add);
        }
        List<AnalysisReport.DocLink> reading = new ArrayList<>(docs);

        return new AnalysisReport(
                summary(facts, weak),
                strengths,
                weakAreas,
                plan(weak, topicsByDomain, reading),
                reading.stream().limit(10).toList(),
                readiness(facts));
    }

    private static String summary(AnalysisFacts f, List<AnalysisFacts.DomainFact> weak) {
        StringBuilder s = new StringBuilder();
        s.append("You answered ")
                .append(f.correct())
                .append(" of ")
                .append(f.total())
                .append(" questions right (")
                .append(f.percent())
                .append(" %)");
        if (f.scaledScore() != null) {
            s.append(", an estimated ")
                    .append(f.scaledScore())
                    .append(" against a passing mark of ")
                    .append(f.passingScore());
        }
        s.append(". ");
        if (!weak.isEmpty()) {
            s.append("Most to gain in ")
                    .append(weak.stream()
                            .limit(2)
                            .map(AnalysisFacts.DomainFact::name)
                            .collect(Collectors.joining(" and ")))
                    .append(". ");
        }
        if (!f.trend().isEmpty()) {
            AnalysisFacts.PastScore last = f.trend().get(f.trend().size() - 1);
            int change = f.percent() - last.percent();
            s.append("Compared with your previous attempt (")
                    .append(last.percent())
                    .append(" %), that is ")
                    .append(
                            change == 0
                                    ? "the same."
                                    : (change > 0 ? change + " points better." : -change + " points lower."));
        }
        return s.toString().strip();
    }

    private static List<AnalysisReport.StudyDay> plan(
            List<AnalysisFacts.DomainFact> weak,
            Map<String, List<AnalysisFacts.MissedTopic>> topicsByDomain,
            List<AnalysisReport.DocLink> reading) {
        List<AnalysisReport.StudyDay> days = new ArrayList<>();
        List<AnalysisFacts.DomainFact> focus = weak.isEmpty() ? List.of() : weak;
        for (int day = 1; day <= 5; day++) {
            if (focus.isEmpty()) {
                days.add(
                        new AnalysisReport.StudyDay(
                                day,
                                "Review the Well-Architected Framework",
                                List.of(
                                        "Read one pillar of the AWS Well-Architected Framework and note three design principles.")));
                continue;
            }
            AnalysisFacts.DomainFact d = focus.get((day - 1) % focus.size());
            List<AnalysisFacts.MissedTopic> topics = topicsByDomain.getOrDefault(d.name(), List.of());
            List<AnalysisReport.DocLink> docs = AwsDocs.forDomain(d.name());
            AnalysisReport.DocLink doc = docs.get(((day - 1) / focus.size()) % docs.size());
            List<String> actions = new ArrayList<>();
            actions.add("Read \"" + doc.title() + "\" (" + doc.url() + ") and write down five facts you did not know.");
            if (!topics.isEmpty()) {
                AnalysisFacts.MissedTopic t = topics.get(((day - 1) / focus.size()) % topics.size());
                actions.add("Build or sketch a small example using " + t.topic()
                        + AwsDocs.forTopic(t.topic())
                                .map(l -> " following " + l.url())
                                .orElse("") + ".");
            }
            actions.add("Practise 10 questions of " + d.name() + " in Cloud Squad and read every explanation.");
            days.add(new AnalysisReport.StudyDay(day, d.name(), actions));
        }
        days.add(new AnalysisReport.StudyDay(
                6,
                "Revisit your mistakes",
                List.of(
                        "Work through your missed-question review in Cloud Squad.",
                        "For every question you miss again, read the linked documentation page.")));
        days.add(new AnalysisReport.StudyDay(
                7, "Measure again", List.of("Take a readiness test and compare each domain with today's result.")));
        return days;
    }

    private static String readiness(AnalysisFacts f) {
        if (f.scaledScore() == null) {
            return "This attempt has no scaled score; take a readiness test to see where you stand.";
        }
        int margin = f.scaledScore() - f.passingScore();
        if (margin >= 80) {
            return "Comfortably above the passing mark: if your next readiness test confirms it, book the exam.";
        }
        if (margin >= 0) {
            return "Just above the passing mark: strengthen your weakest domain before booking the exam.";
        }
        return "Below the passing mark by " + (-margin)
                + " points: follow the plan for a week and take another readiness test before booking.";
    }
}
