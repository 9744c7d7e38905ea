package com.cloudsquad.progress;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.exam.AttemptSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each scored attempt for progress (streaks, XP, mastery, achievements). Runs after the
 * exam's transaction commits; the event publication registry keeps the event until this
 * completes, and re-delivery is harmless (the attempt is claimed once, see {@link ProgressRecorder}).
 * The answers come from exam's published {@link AttemptRecords}, never from exam's tables.
 */
@Component
class AttemptLedger {

    private final AttemptRecords records;
    private final AccountService accounts;
    private final ProgressRecorder recorder;

    AttemptLedger(AttemptRecords records, AccountService accounts, ProgressRecorder recorder) {
        this.records = records;
        this.accounts = accounts;
        this.recorder = recorder;
    }

    @ApplicationModuleListener
    void on(AttemptSubmitted event) {
        recorder.record(event, records.answers(event.attemptId()), accounts.zoneOf(event.accountId()));
    }
}
