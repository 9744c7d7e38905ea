package com.cloudsquad.analysis;

import java.util.stream.Collectors;

/** The texts sent to the model: a fixed system prompt and the attempt's facts, nothing else. */
final class AnalysisPrompts {

    static final String REPORT_SYSTEM = """
            You are a study coach for AWS certification exams. You write a short, honest analysis of
            one practice attempt from the facts given, for the candidate who took it. Use only these
            facts; do not invent scores. Plain text only, no Markdown or HTML.
            Give: a summary (3-5 sentences), strengths (domains or topics done well), weak areas with
            the reason taken from the facts, a 7-day study plan (days 1 to 7, each with 2-4 concrete
            actions such as a lab to build or a documentation page to read), AWS documentation to read
            (only links on https://docs.aws.amazon.com or https://aws.amazon.com), and a readiness
            comment (whether to book the exam now, and what must improve first).""";

    static final String DRAFT_SYSTEM = """
            You write original multiple-choice practice questions for AWS certification exams, in the
            style of the real exam: a realistic scenario, one best answer (or exactly the number of
            answers the stem asks for, "(Choose two.)"), plausible distractors, an explanation for
            every option and links to AWS documentation (https://docs.aws.amazon.com only). Plain text,
            no Markdown. Never copy questions from real exams or dumps.""";

    private AnalysisPrompts() {}

    static String reportFacts(AnalysisFacts f) {
        StringBuilder s = new StringBuilder();
        s.append("Certification: ")
                .append(f.certificationCode())
                .append(" (")
                .append(f.certificationName())
                .append(")\n");
        s.append("Mode: ").append(f.mode()).append('\n');
        s.append("Score: ")
                .append(f.correct())
                .append(" of ")
                .append(f.total())
                .append(" right (")
                .append(f.percent())
                .append(" %)");
        if (f.scaledScore() != null) {
            s.append(", estimated scaled score ")
                    .append(f.scaledScore())
                    .append(" (passing mark ")
                    .append(f.passingScore())
                    .append(")");
        }
        s.append("\nPer domain (name, exam weight, right of shown):\n");
        for (AnalysisFacts.DomainFact d : f.domains()) {
            s.append("- ")
                    .append(d.name())
                    .append(", weight ")
                    .append(d.weightPercent())
                    .append(" %: ")
                    .append(d.correct())
                    .append(" of ")
                    .append(d.total())
                    .append(" (")
                    .append(d.percent())
                    .append(" %)\n");
        }
        s.append("Topics of missed questions (domain: topic x times):\n");
        if (f.missedTopics().isEmpty()) {
            s.append("- none\n");
        }
        for (AnalysisFacts.MissedTopic t : f.missedTopics()) {
            s.append("- ")
                    .append(t.domain())
                    .append(": ")
                    .append(t.topic())
                    .append(" x")
                    .append(t.missed())
                    .append('\n');
        }
        s.append("Earlier attempts in this certification, oldest first: ");
        s.append(
                f.trend().isEmpty()
                        ? "none"
                        : f.trend().stream()
                                .map(p -> p.day() + " " + p.mode() + " " + p.percent() + " %"
                                        + (p.scaledScore() == null ? "" : " (" + p.scaledScore() + ")"))
                                .collect(Collectors.joining("; ")));
        return s.append('\n').toString();
    }

    static String draftRequest(DraftRequest r) {
        return "Certification: " + r.certificationCode() + " (" + r.certificationName() + ")\nDomain: " + r.domain()
                + "\nDifficulty (1 easy to 3 hard): " + r.difficulty() + "\nNumber of questions: " + r.count()
                + (r.topic() == null || r.topic().isBlank()
                        ? ""
                        : "\nTopic: " + r.topic().strip()) + "\n";
    }
}
