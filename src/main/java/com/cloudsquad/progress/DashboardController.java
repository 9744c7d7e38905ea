package com.cloudsquad.progress;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.platform.RenderedFragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard, the results page's progress news, and the admin's rebuild. */
@Controller
class DashboardController {

    static final String VIEW_DASHBOARD = "progress/dashboard";
    static final String VIEW_DASHBOARD_BODY = "progress/dashboard :: dashboard";
    static final String VIEW_DASHBOARD_PROGRESS = "progress/dashboard :: progress";
    static final String VIEW_NEWS = "progress/news :: news";

    private final Dashboard dashboard;
    private final Catalog catalog;
    private final AccountService accounts;
    private final ProgressStore store;
    private final AttemptRecords records;
    private final ProgressRebuild rebuild;
    private final RenderedFragments fragments;

    DashboardController(
            Dashboard dashboard,
            Catalog catalog,
            AccountService accounts,
            ProgressStore store,
            AttemptRecords records,
            ProgressRebuild rebuild,
            RenderedFragments fragments) {
        this.dashboard = dashboard;
        this.catalog = catalog;
        this.accounts = accounts;
        this.store = store;
        this.records = records;
        this.rebuild = rebuild;
        this.fragments = fragments;
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(name = "cert", required = false) String code,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        List<Certification> certifications = catalog.certifications();
        if (certifications.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // picked from the list read above (the catalog reads its tables on every call)
        Certification certification = code != null
                ? certifications.stream()
                        .filter(c -> c.code().equalsIgnoreCase(code.strip()))
                        .findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                : store.lastCertification(user.getAccountId())
                        .flatMap(id -> certifications.stream()
                                .filter(c -> c.id() == id)
                                .findFirst())
                        .orElse(certifications.get(0));
        model.addAttribute("certifications", certifications);
        model.addAttribute("certification", certification);
        Dashboard.View d = dashboard.of(user.getAccountId(), certification, accounts.zoneOf(user.getAccountId()));
        model.addAttribute("d", d);
        model.addAttribute(
                "progressHtml", fragments.html(d.key(), VIEW_DASHBOARD_PROGRESS, model::asMap, request, response));
        return htmx != null ? VIEW_DASHBOARD_BODY : VIEW_DASHBOARD;
    }

    /**
     * What an attempt earned (XP, level, new achievements), for its results page. Only its owner
     * sees it; until progress has recorded the attempt (just after submit) the fragment asks again.
     */
    @GetMapping("/progress/attempts/{id}/news")
    String news(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        long me = user.getAccountId();
        var recorded = store.attempt(id);
        if (recorded.isPresent()) {
            if (recorded.get().accountId() != me) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            model.addAttribute("attempt", recorded.get());
            model.addAttribute("earned", store.achievementsOf(id));
            model.addAttribute("standing", Levels.standing(store.totals(me)[0]));
            model.addAttribute(
                    "certificationCode",
                    catalog.byId(recorded.get().certificationId())
                            .map(Certification::code)
                            .orElse(""));
            return VIEW_NEWS;
        }
        var result = records.result(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (result.accountId() != me) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("pendingId", id);
        return VIEW_NEWS;
    }

    @PostMapping("/admin/progress/rebuild")
    String rebuild(RedirectAttributes redirect) {
        int replayed = rebuild.rebuild();
        redirect.addFlashAttribute("notice", "Progress rebuilt from " + replayed + " scored attempts.");
        return "redirect:/admin";
    }
}
