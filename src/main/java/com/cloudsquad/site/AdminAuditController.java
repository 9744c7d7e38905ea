package com.cloudsquad.site;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.platform.AdminAudit;
import com.cloudsquad.platform.DisplayTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log of admin actions, newest first, a page at a time, in the reading admin's zone. */
@Controller
class AdminAuditController {

    static final String VIEW_AUDIT = "admin/audit";
    static final int PAGE_SIZE = 50;

    private final AdminAudit audit;
    private final AccountService accounts;

    AdminAuditController(AdminAudit audit, AccountService accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    /** One entry as the page shows it. */
    public record Row(String when, String actor, String action, String target, String detail) {}

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal AccountPrincipal admin, Model model) {
        int current = Math.max(0, page);
        ZoneId zone = accounts.zoneOf(admin.getAccountId());
        List<AdminAudit.Entry> entries = audit.page(current * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute(
                "rows",
                entries.stream()
                        .limit(PAGE_SIZE)
                        .map(e -> new Row(
                                DisplayTime.dateTime(e.at(), zone), e.actor(), e.action(), e.target(), e.detail()))
                        .toList());
        model.addAttribute("page", current);
        model.addAttribute("hasMore", entries.size() > PAGE_SIZE);
        return VIEW_AUDIT;
    }
}
