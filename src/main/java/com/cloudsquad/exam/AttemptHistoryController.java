package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.platform.DisplayTime;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The candidate's own attempts, newest first, with times in their own time zone. */
@Controller
class AttemptHistoryController {

    static final String VIEW_HISTORY = "exam/history";

    private final AttemptQueries queries;
    private final Catalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    AttemptHistoryController(AttemptQueries queries, Catalog catalog, AccountService accounts, Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record HistoryRow(
            Attempt attempt,
            String certification,
            String mode,
            String status,
            String timeUsed,
            String started,
            String score) {}

    @GetMapping("/attempts")
    String history(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<Attempt> list = queries.history(user.getAccountId());
        Map<Long, Certification> certifications = catalog.certificationsById();
        ZoneId zone = accounts.zoneOf(user.getAccountId());
        List<HistoryRow> rows = list.stream()
                .map(a -> new HistoryRow(
                        a,
                        certifications.get(a.certificationId()).code(),
                        a.mode().label(),
                        AttemptViews.statusLabel(a),
                        AttemptViews.duration(a.timeUsed(clock.instant())),
                        DisplayTime.dateTime(a.startedAt(), zone),
                        AttemptViews.score(a)))
                .toList();
        model.addAttribute("rows", rows);
        return VIEW_HISTORY;
    }
}
