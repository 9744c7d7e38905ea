package com.cloudsquad.exam;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

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
        List<Certification> certifications = catalog.certifications();
        Map<Long, Certification> byId =
                certifications.stream().collect(Collectors.toMap(Certification::id, Function.identity()));
        List<Attempt> recent = attempts.recent(certification, LIMIT);
        Map<Long, String> names =
                accounts.displayNames(recent.stream().map(Attempt::accountId).collect(Collectors.toSet()));
        model.addAttribute(
                "rows",
                recent.stream()
                        .map(a -> new Row(
                                a.id(),
                                STARTED.format(a.startedAt()) + " UTC",
                                names.getOrDefault(a.accountId(), "#" + a.accountId()),
                                byId.get(a.certificationId()).code(),
                                a.mode().label(),
                                AttemptController.statusLabel(a),
                                a.scaledScore() == null
                                        ? "—"
                                        : a.scaledScore()
                                                + (Boolean.TRUE.equals(a.passed()) ? " (pass)" : " (not yet)"),
                                AttemptViews.duration(a.timeUsed(clock.instant()))))
                        .toList());
        model.addAttribute("certifications", certifications);
        model.addAttribute("selected", certification);
        return VIEW_LIST;
    }
}
