package com.cloudsquad.site;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.feedback.Reviews;
import com.cloudsquad.platform.DisplayTime;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String VIEW_HOME = "site/home";
    static final String VIEW_ADMIN_HOME = "admin/home";

    private final AttemptRecords attempts;
    private final Catalog catalog;
    private final SiteCounters counters;
    private final Reviews reviews;
    private final AdminConsole console;
    private final AccountService accounts;

    HomeController(
            AttemptRecords attempts,
            Catalog catalog,
            SiteCounters counters,
            Reviews reviews,
            AdminConsole console,
            AccountService accounts) {
        this.attempts = attempts;
        this.catalog = catalog;
        this.counters = counters;
        this.reviews = reviews;
        this.console = console;
        this.accounts = accounts;
    }

    /** An attempt to resume, as the home page lists it. */
    public record Resume(long attemptId, String label) {}

    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, Model model) {
        counters.visit(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        model.addAttribute("counts", counters.counts());
        // five primary-key rows, kept by feedback with every review change
        model.addAttribute("reviewSummary", reviews.summary());
        if (user != null) {
            Map<Long, Certification> certifications = catalog.certificationsById();
            List<Resume> open = attempts.openAttempts(user.getAccountId()).stream()
                    .map(a -> new Resume(
                            a.id(),
                            "Resume your "
                                    + certifications.get(a.certificationId()).code() + " "
                                    + a.mode().label().toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            model.addAttribute("resume", open);
        }
        return VIEW_HOME;
    }

    /** The console: cached figures (see {@link AdminConsole}) above the links to every admin page. */
    @GetMapping("/admin")
    String adminHome(@AuthenticationPrincipal AccountPrincipal admin, Model model) {
        AdminConsole.Snapshot snapshot = console.figures();
        model.addAttribute("figures", snapshot.figures());
        model.addAttribute("passRates", snapshot.passRates());
        model.addAttribute("passRateDays", AdminConsole.PASS_RATE_DAYS);
        model.addAttribute(
                "countedAt", DisplayTime.dateTime(snapshot.countedAt(), accounts.zoneOf(admin.getAccountId())));
        return VIEW_ADMIN_HOME;
    }
}
