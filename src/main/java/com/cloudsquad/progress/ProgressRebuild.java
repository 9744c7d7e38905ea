package com.cloudsquad.progress;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.exam.AttemptSubmitted;
import com.cloudsquad.platform.AdminAudit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every progress table from exam's recorded attempts (after the tables were emptied or a
 * rule changed). Replays the scored attempts in id order through the same {@link ProgressRecorder}
 * as the events, page by page; an event arriving meanwhile is claimed once either way. Local days
 * use each candidate's zone of today (the zone at closing time is not kept by exam).
 */
@Service
class ProgressRebuild {

    private static final int PAGE = 500;

    private final AttemptRecords records;
    private final AccountService accounts;
    private final ProgressRecorder recorder;
    private final ProgressStore store;
    private final TransactionTemplate transactions;
    private final AdminAudit audit;

    ProgressRebuild(
            AttemptRecords records,
            AccountService accounts,
            ProgressRecorder recorder,
            ProgressStore store,
            TransactionTemplate transactions,
            AdminAudit audit) {
        this.records = records;
        this.accounts = accounts;
        this.recorder = recorder;
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** @return how many attempts were replayed */
    int rebuild() {
        // the entry goes with the clearing: the replay that follows is page by page, safe to repeat
        transactions.executeWithoutResult(status -> {
            store.clear();
            audit.record("progress.rebuild", "progress tables", "Cleared and replayed from the scored attempts.");
        });
        long after = 0;
        int replayed = 0;
        while (true) {
            List<AttemptSubmitted> page = records.scoredAttemptsAfter(after, PAGE);
            if (page.isEmpty()) {
                return replayed;
            }
            for (AttemptSubmitted attempt : page) {
                if (recorder.record(
                        attempt, records.answers(attempt.attemptId()), accounts.zoneOf(attempt.accountId()))) {
                    replayed++;
                }
                after = attempt.attemptId();
            }
        }
    }
}
