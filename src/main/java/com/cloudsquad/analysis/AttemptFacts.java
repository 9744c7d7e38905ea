package com.cloudsquad.analysis;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.exam.AttemptRecords;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gathers an attempt's facts through the published APIs of exam, bank and catalog: the score per
 * domain, the tags of the missed questions (never their text or keys) and the same candidate's
 * earlier scores in the certification.
 */
@Component
class AttemptFacts {

    static final int TREND_ATTEMPTS = 5;

    private final AttemptRecords records;
    private final QuestionBank bank;
    private final Catalog catalog;

    AttemptFacts(AttemptRecords records, QuestionBank bank, Catalog catalog) {
        this.records = records;
        this.bank = bank;
        this.catalog = catalog;
    }

    /** The facts of a closed attempt; empty while it is open or when it does not exist. */
    Optional<AnalysisFacts> of(long attemptId) {
        return records.result(attemptId).map(this::facts);
    }

    private AnalysisFacts facts(AttemptRecords.AttemptResult result) {
        Certification certification = catalog.byId(result.certificationId()).orElseThrow();
        List<AnalysisFacts.DomainFact> domains = new ArrayList<>();
        for (AttemptRecords.DomainScore d : result.domains()) {
            ExamDomain domain = certification.domain(d.domainId()).orElse(null);
            domains.add(new AnalysisFacts.DomainFact(
                    domain == null ? "Domain " + d.domainId() : domain.name(),
                    domain == null ? 0 : domain.weightPercent(),
                    d.correct(),
                    d.total()));
        }
        List<AttemptRecords.AnsweredQuestion> missed = records.answers(result.attemptId()).stream()
                .filter(a -> !Boolean.TRUE.equals(a.correct()))
                .toList();
        Map<Long, QuestionVersion> versions = bank.versions(
                missed.stream().map(AttemptRecords.AnsweredQuestion::versionId).toList());
        Map<String, int[]> topics = new LinkedHashMap<>();
        for (AttemptRecords.AnsweredQuestion a : missed) {
            String domain =
                    certification.domain(a.domainId()).map(ExamDomain::name).orElse("Domain " + a.domainId());
            QuestionVersion version = versions.get(a.versionId());
            List<String> tags = version == null || version.content().tags().isEmpty()
                    ? List.of("(untagged)")
                    : version.content().tags();
            for (String tag : tags) {
                topics.computeIfAbsent(domain + "\u0000" + tag, k -> new int[1])[0]++;
            }
        }
        List<AnalysisFacts.MissedTopic> missedTopics = topics.entrySet().stream()
                .map(e -> {
                    String[] key = e.getKey().split("\u0000", 2);
                    return new AnalysisFacts.MissedTopic(key[0], key[1], e.getValue()[0]);
                })
                .sorted(Comparator.comparingInt(AnalysisFacts.MissedTopic::missed)
                        .reversed()
                        .thenComparing(AnalysisFacts.MissedTopic::topic))
                .limit(30)
                .toList();
        List<AnalysisFacts.PastScore> trend =
                records
                        .scoredBefore(result.accountId(), result.certificationId(), result.attemptId(), TREND_ATTEMPTS)
                        .stream()
                        .map(p -> new AnalysisFacts.PastScore(
                                LocalDate.ofInstant(p.closedAt(), ZoneOffset.UTC)
                                        .toString(),
                                p.mode().name(),
                                p.total() == 0 ? 0 : Math.round(100f * p.correct() / p.total()),
                                p.scaledScore()))
                        .toList();
        return new AnalysisFacts(
                certification.code(),
                certification.name(),
                result.mode().name(),
                result.correct(),
                result.total(),
                result.scaledScore(),
                result.passed(),
                certification.passingScore(),
                domains,
                missedTopics,
                trend);
    }
}
