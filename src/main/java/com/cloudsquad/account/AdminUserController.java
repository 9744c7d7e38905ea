package com.cloudsquad.account;

import com.cloudsquad.platform.DisplayTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins find accounts by email or name, disable and enable them, and make or remove admins.
 * Disabling and removing admin rights ask for confirmation on a page of their own.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    static final String VIEW_LIST = "admin/users";
    static final String VIEW_CONFIRM = "admin/user-confirm";
    static final int PAGE_SIZE = 25;
    static final int QUERY_LIMIT = 254;

    private final UserSearch search;
    private final UserAdministration administration;
    private final AccountService accounts;

    AdminUserController(UserSearch search, UserAdministration administration, AccountService accounts) {
        this.search = search;
        this.administration = administration;
        this.accounts = accounts;
    }

    /** One account as the list shows it, with what the admin may do to it. */
    public record Row(
            long id,
            String email,
            String name,
            String created,
            String status,
            String role,
            boolean self,
            boolean disabled,
            boolean admin,
            boolean listedAdmin,
            boolean confirmed) {

        public boolean canMakeAdmin() {
            return !admin && confirmed && !disabled;
        }

        public boolean canRemoveAdmin() {
            return admin && !listedAdmin;
        }
    }

    @ModelAttribute("q")
    String query(@RequestParam(name = "q", required = false) String q) {
        return q == null ? "" : q.strip();
    }

    @GetMapping
    String list(
            @ModelAttribute("q") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal AccountPrincipal admin,
            Model model) {
        int current = Math.max(0, page);
        if (q.length() > QUERY_LIMIT) {
            model.addAttribute("queryError", "Search for at most " + QUERY_LIMIT + " characters.");
            model.addAttribute("rows", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("hasMore", false);
            return VIEW_LIST;
        }
        ZoneId zone = accounts.zoneOf(admin.getAccountId());
        List<Account> found = search.byPrefix(q, current * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute(
                "rows",
                found.stream()
                        .limit(PAGE_SIZE)
                        .map(a -> row(a, admin.getAccountId(), zone))
                        .toList());
        model.addAttribute("page", current);
        model.addAttribute("hasMore", found.size() > PAGE_SIZE);
        return VIEW_LIST;
    }

    @GetMapping("/{id}/disable")
    String confirmDisable(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, Model model) {
        return confirm(id, admin, "disable", model);
    }

    @GetMapping("/{id}/remove-admin")
    String confirmRemoveAdmin(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, Model model) {
        return confirm(id, admin, "remove-admin", model);
    }

    @PostMapping("/{id}/disable")
    String disable(
            @PathVariable long id,
            @ModelAttribute("q") String q,
            @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        Account account = find(id);
        return done(
                administration.disable(admin.getAccountId(), id),
                account.getEmail() + " is disabled and logged out everywhere.",
                q,
                redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(
            @PathVariable long id,
            @ModelAttribute("q") String q,
            @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        Account account = find(id);
        return done(
                administration.enable(admin.getAccountId(), id),
                account.getEmail() + " is enabled and may log in again.",
                q,
                redirect);
    }

    @PostMapping("/{id}/make-admin")
    String makeAdmin(
            @PathVariable long id,
            @ModelAttribute("q") String q,
            @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        Account account = find(id);
        return done(
                administration.makeAdmin(admin.getAccountId(), id),
                account.getEmail() + " is now an admin, from their next page on.",
                q,
                redirect);
    }

    @PostMapping("/{id}/remove-admin")
    String removeAdmin(
            @PathVariable long id,
            @ModelAttribute("q") String q,
            @AuthenticationPrincipal AccountPrincipal admin,
            RedirectAttributes redirect) {
        Account account = find(id);
        return done(
                administration.removeAdmin(admin.getAccountId(), id),
                account.getEmail() + " is no longer an admin, from their next page on.",
                q,
                redirect);
    }

    private String confirm(long id, AccountPrincipal admin, String action, Model model) {
        Account account = find(id);
        model.addAttribute("user", row(account, admin.getAccountId(), accounts.zoneOf(admin.getAccountId())));
        model.addAttribute("action", action);
        return VIEW_CONFIRM;
    }

    private String done(UserAdministration.Outcome outcome, String notice, String q, RedirectAttributes redirect) {
        if (outcome.done()) {
            redirect.addFlashAttribute("notice", notice);
        } else {
            redirect.addFlashAttribute("alert", outcome.refusal().orElseThrow().message);
        }
        redirect.addAttribute("q", q);
        return "redirect:/admin/users";
    }

    private Account find(long id) {
        return search.find(id).orElseThrow(AccountNotFoundException::new);
    }

    private Row row(Account a, long adminId, ZoneId zone) {
        boolean admin = administration.isAdmin(a);
        boolean listed = administration.isListedAdmin(a);
        String status = a.isDisabled() ? "Disabled" : a.isEmailVerified() ? "Active" : "Email not confirmed";
        String role = admin ? (listed ? "Admin (APP_ADMIN_EMAILS)" : "Admin") : "Candidate";
        return new Row(
                a.getId(),
                a.getEmail(),
                a.getDisplayName(),
                DisplayTime.dateTime(a.getCreatedAt(), zone),
                status,
                role,
                a.getId() == adminId,
                a.isDisabled(),
                admin,
                listed,
                a.isEmailVerified());
    }
}
