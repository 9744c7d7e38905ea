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
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins see everyone's recent attempts and open any of them, read-only. */
@Controller
class AdminAttemptController {

    static final String VIEW_LIST = "admin/attempts";
    static final int LIMIT = 100;

    private final AttemptQueries queries;
    private final Catalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    AdminAttemptController(AttemptQueries queries, Catalog catalog, AccountService accounts, Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Row(
            long id,
            String started,
            String candidate,
            String certification,
            String mode,
            String status,
            String score,
            String timeUsed) {}

    @GetMapping("/admin/attempts")
    String list(
            @RequestParam(required = false) Long certification,
            @AuthenticationPrincipal AccountPrincipal admin,
            Model model) {
        ZoneId zone = accounts.zoneOf(admin.getAccountId());
        Map<Long, Certification> byId = catalog.certificationsById();
        List<Attempt> recent = queries.recent(certification, LIMIT);
        Map<Long, String> names =
                accounts.displayNames(recent.stream().map(Attempt::accountId).collect(Collectors.toSet()));
        model.addAttribute(
                "rows",
                recent.stream()
                        .map(a -> new Row(
                                a.id(),
                                DisplayTime.dateTime(a.startedAt(), zone),
                                names.getOrDefault(a.accountId(), "#" + a.accountId()),
                                byId.get(a.certificationId()).code(),
                                a.mode().label(),
                                AttemptViews.statusLabel(a),
                                AttemptViews.score(a),
                                AttemptViews.duration(a.timeUsed(clock.instant()))))
                        .toList());
        model.addAttribute("certifications", byId.values());
        model.addAttribute("selected", certification);
        return VIEW_LIST;
    }
}
