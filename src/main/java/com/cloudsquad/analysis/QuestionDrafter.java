package com.cloudsquad.analysis;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.bank.QuestionFilter;
import com.cloudsquad.bank.QuestionRow;
import com.cloudsquad.bank.QuestionRules;
import com.cloudsquad.bank.QuestionStatus;
import com.cloudsquad.bank.StemSimilarity;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.platform.AdminAudit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the model for questions and stores each one that passes the bank's rules as a DRAFT tagged
 * {@code ai-drafted}, through the bank's one write path; never published. A draft whose stem is
 * close to one already in the domain is stored too, tagged {@code near-duplicate}, and listed as such.
 */
@Service
class QuestionDrafter {

    static final String TAG = "ai-drafted";
    static final String NEAR_DUPLICATE_TAG = "near-duplicate";
    static final int MAX_COUNT = 10;
    static final String PURPOSE = "DRAFT";

    private final AnalysisModel model;
    private final QuestionBank bank;
    private final QuestionRules rules;
    private final ReportStore store;
    private final AnalysisProperties properties;
    private final Clock clock;
    private final AdminAudit audit;
    // each saved draft and its audit entry commit together; the model call runs outside any transaction
    private final TransactionTemplate transactions;

    QuestionDrafter(
            AnalysisModel model,
            QuestionBank bank,
            QuestionRules rules,
            ReportStore store,
            AnalysisProperties properties,
            Clock clock,
            AdminAudit audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.model = model;
        this.bank = bank;
        this.rules = rules;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of one drafted question. */
    record Drafted(Long questionId, String stem, List<String> problems, Double similarity) {
        public boolean saved() {
            return questionId != null;
        }

        public boolean nearDuplicate() {
            return similarity != null;
        }
    }

    /** Why drafting is not possible now, or null when it is. */
    String unavailableReason() {
        if (!model.available()) {
            return "Bedrock is not configured on this server (app.analysis.bedrock.enabled=true, see README).";
        }
        if (store.tokensOn(ReportStore.utcDay(clock.instant())) >= properties.dailyTokenBudget()) {
            return "Today's AI token budget is spent.";
        }
        return null;
    }

    List<Drafted> draft(
            Certification certification, ExamDomain domain, int difficulty, int count, String topic, String author) {
        AnalysisModel.Answer<List<DraftedQuestion>> answer;
        DraftRequest request = new DraftRequest(
                certification.code(),
                certification.name(),
                domain.name(),
                difficulty,
                Math.min(Math.max(count, 1), MAX_COUNT),
                topic);
        try {
            answer = model.draftQuestions(request);
        } catch (ModelOutputInvalidException e) {
            store.recordUsage(PURPOSE, e.inputTokens(), e.outputTokens());
            throw e;
        }
        store.recordUsage(PURPOSE, answer.inputTokens(), answer.outputTokens());
        List<Set<String>> existing = existingStems(certification, domain).stream()
                .map(StemSimilarity::shingles)
                .toList();
        List<Drafted> results = new ArrayList<>();
        for (DraftedQuestion q : answer.value().stream().limit(request.count()).toList()) {
            if (q == null || q.stem() == null) {
                continue;
            }
            Set<String> shingles = StemSimilarity.shingles(q.stem());
            double closest = existing.stream()
                    .mapToDouble(e -> StemSimilarity.jaccard(shingles, e))
                    .max()
                    .orElse(0);
            boolean near = closest >= StemSimilarity.CLOSE;
            QuestionContent content = content(q, domain, difficulty, near);
            QuestionRules.Verdict verdict = rules.check(content, certification);
            if (!verdict.ok()) {
                results.add(new Drafted(
                        null,
                        q.stem(),
                        verdict.errors().stream()
                                .map(f -> f.field() + ": " + f.message())
                                .toList(),
                        near ? closest : null));
                continue;
            }
            long id = transactions.execute(tx -> {
                long saved = bank.save(null, content, QuestionStatus.DRAFT, null, author);
                audit.record(
                        "question.ai-draft",
                        "question " + saved,
                        "AI-drafted for " + certification.code() + " / " + domain.name()
                                + (near ? " (near-duplicate)." : "."));
                return saved;
            });
            existing = new ArrayList<>(existing);
            existing.add(shingles);
            results.add(new Drafted(id, q.stem(), List.of(), near ? closest : null));
        }
        return results;
    }

    private List<String> existingStems(Certification certification, ExamDomain domain) {
        List<String> stems = new ArrayList<>();
        int page = 0;
        while (true) {
            var result = bank.search(
                    new QuestionFilter(null, certification.id(), domain.id(), null, null, null, "id", page, 200));
            result.rows().stream().map(QuestionRow::stem).forEach(stems::add);
            if (!result.hasNext() || page > 50) {
                return stems;
            }
            page++;
        }
    }

    private static QuestionContent content(DraftedQuestion q, ExamDomain domain, int difficulty, boolean near) {
        List<QuestionContent.Option> options = q.options() == null
                ? List.of()
                : q.options().stream()
                        .map(o -> new QuestionContent.Option(o.text(), o.correct(), o.explanation()))
                        .toList();
        List<String> references = q.references() == null
                ? List.of()
                : q.references().stream().filter(AwsDocs::isAwsDocumentation).toList();
        Set<String> tags = new LinkedHashSet<>();
        if (q.tags() != null) {
            q.tags().stream()
                    .filter(t -> t != null && !t.isBlank())
                    .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-"))
                    .limit(5)
                    .forEach(tags::add);
        }
        tags.add(TAG);
        if (near) {
            tags.add(NEAR_DUPLICATE_TAG);
        }
        return new QuestionContent(
                domain.id(),
                difficulty,
                null,
                q.stem(),
                options,
                q.explanation(),
                references,
                tags.stream().collect(Collectors.toList()));
    }
}
