package com.cloudsquad.analysis;

import java.util.List;

/**
 * Everything a report may be written from: one attempt's own facts and the same candidate's
 * recent scores in that certification. No names, no emails, no question texts or keys.
 */
public record AnalysisFacts(
        String certificationCode,
        String certificationName,
        String mode,
        int correct,
        int total,
        Integer scaledScore,
        Boolean passed,
        int passingScore,
        List<DomainFact> domains,
        List<MissedTopic> missedTopics,
        List<PastScore> trend) {

    public AnalysisFacts {
        domains = List.copyOf(domains);
        missedTopics = List.copyOf(missedTopics);
        trend = List.copyOf(trend);
    }

    /** How the attempt did in one exam domain. */
    public record DomainFact(String name, int weightPercent, int correct, int total) {
        public int percent() {
            return total == 0 ? 0 : Math.round(100f * correct / total);
        }
    }

    /** A topic (the bank's tag: an AWS service or concept) of missed questions, in a domain. */
    public record MissedTopic(String domain, String topic, int missed) {}

    /** An earlier closed attempt of the same candidate and certification, oldest first. */
    public record PastScore(String day, String mode, int percent, Integer scaledScore) {}

    public int percent() {
        return total == 0 ? 0 : Math.round(100f * correct / total);
    }
}
