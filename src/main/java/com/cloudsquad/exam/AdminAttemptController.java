package com.cloudsquad.exam;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins see everyone's recent attempts and open any of them, read-only. */
@Controller
class AdminAttemptController {

    static final String VIEW_LIST = "admin/attempts";
    static final int LIMIT = 100;

    private final Attempts attempts;
    private final Catalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    AdminAttemptController(Attempts attempts, Catalog catalog, AccountService accounts, Clock clock) {
        this.attempts = attempts;
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
    String list(@RequestParam(required = false) Long certification, Model model) {
        Map<Long, Certification> byId = catalog.certificationsById();
        List<Attempt> recent = attempts.recent(certification, LIMIT);
        Map<Long, String> names =
                accounts.displayNames(recent.stream().map(Attempt::accountId).collect(Collectors.toSet()));
        model.addAttribute(
                "rows",
                recent.stream()
                        .map(a -> new Row(
                                a.id(),
                                AttemptViews.started(a),
                                names.getOrDefault(a.accountId(), "#" + a.accountId()),
                                byId.get(a.certificationId()).code(),
                                a.mode().label(),
                                AttemptController.statusLabel(a),
                                AttemptViews.score(a),
                                AttemptViews.duration(a.timeUsed(clock.instant()))))
                        .toList());
        model.addAttribute("certifications", byId.values());
        model.addAttribute("selected", certification);
        return VIEW_LIST;
    }
}
