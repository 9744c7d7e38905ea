package com.cloudsquad.analysis;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.AttemptRecords;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Who may read an attempt's report (its owner, or an admin), and the report as pages show it. */
@Service
class AnalysisReports {

    private final ReportStore store;
    private final AttemptRecords records;
    private final Catalog catalog;

    AnalysisReports(ReportStore store, AttemptRecords records, Catalog catalog) {
        this.store = store;
        this.records = records;
        this.catalog = catalog;
    }

    /** A report for the pages: while pending, {@code report} is null. */
    record ReportView(
            long attemptId,
            String certification,
            boolean done,
            boolean writtenByAi,
            String fallbackReason,
            AnalysisReport report,
            Instant completedAt) {}

    ReportView readable(long attemptId, AccountPrincipal user) {
        var stored = store.byAttempt(attemptId);
        if (stored.isPresent()) {
            var r = stored.get();
            if (r.accountId() != user.getAccountId() && !user.isAdmin()) {
                throw new ReportNotFoundException(attemptId);
            }
            return new ReportView(
                    attemptId,
                    catalog.byId(r.certificationId()).map(Certification::code).orElse(""),
                    r.done(),
                    r.writtenByAi(),
                    r.fallbackReason(),
                    r.report(),
                    r.completedAt());
        }
        // the event may not have been handled yet: a closed attempt of this user is "pending"
        return records.result(attemptId)
                .filter(a -> a.accountId() == user.getAccountId() || user.isAdmin())
                .filter(a -> a.scaledScore() != null)
                .map(a -> new ReportView(attemptId, "", false, false, null, null, null))
                .orElseThrow(() -> new ReportNotFoundException(attemptId));
    }
}
