package com.cloudsquad.feedback;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionDetail;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.bank.VersionChanges;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' queue of problem reports (open, resolved, rejected; by question and reason), each
 * with the version reported against the current one, and the decision with a note the reporter
 * reads.
 */
@Controller
class AdminReportController {

    static final String VIEW_QUEUE = "admin/reports";
    static final String VIEW_REPORT = "admin/report";
    static final int PAGE_SIZE = 25;

    private final ProblemReports reports;
    private final ReportViews views;
    private final QuestionBank bank;
    private final AccountService accounts;

    AdminReportController(ProblemReports reports, ReportViews views, QuestionBank bank, AccountService accounts) {
        this.reports = reports;
        this.views = views;
        this.bank = bank;
        this.accounts = accounts;
    }

    @GetMapping("/admin/reports")
    String queue(
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String question,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountPrincipal admin,
            Model model) {
        ReportStatus shown = parse(ReportStatus.class, status).orElse(ReportStatus.OPEN);
        ReportReason because = parse(ReportReason.class, reason).orElse(null);
        Long questionId = null;
        if (question != null && !question.isBlank()) {
            try {
                questionId = Long.parseLong(question.strip().replaceFirst("^#", ""));
            } catch (NumberFormatException e) {
                model.addAttribute("questionError", "Enter a question number, such as 42.");
            }
        }
        int current = Math.max(1, Math.min(page, 10_000));
        List<ProblemReport> found = reports.queue(shown, questionId, because, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        List<ProblemReport> shownReports = found.stream().limit(PAGE_SIZE).toList();
        Map<Long, String> names = accounts.displayNames(
                shownReports.stream().map(ProblemReport::accountId).collect(Collectors.toSet()));
        model.addAttribute("rows", views.rows(shownReports, names, accounts.zoneOf(admin.getAccountId())));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("reasons", ReportReason.values());
        model.addAttribute("reason", because);
        model.addAttribute("question", question == null ? "" : question.strip());
        model.addAttribute("questionId", questionId);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        return VIEW_QUEUE;
    }

    @GetMapping("/admin/reports/{id}")
    String report(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin, Model model) {
        ProblemReport report = reports.find(id).orElseThrow(ReportNotAllowedException::new);
        model.addAttribute("decisionForm", new DecisionForm());
        return reportView(report, admin, model);
    }

    @PostMapping("/admin/reports/{id}/decision")
    String decide(
            @PathVariable long id,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountPrincipal admin,
            Model model,
            RedirectAttributes redirect) {
        ProblemReport report = reports.find(id).orElseThrow(ReportNotAllowedException::new);
        if (form.getDecision() == ReportStatus.OPEN) {
            result.rejectValue("decision", "decision", "Choose resolve or reject.");
        }
        if (result.hasErrors()) {
            return reportView(report, admin, model);
        }
        boolean decided = reports.decide(id, form.getDecision(), form.getNote());
        redirect.addFlashAttribute(
                decided ? "notice" : "alert",
                decided
                        ? "Report " + id + " is " + form.getDecision().label().toLowerCase(java.util.Locale.ROOT)
                                + ". The reporter sees your note."
                        : "Report " + id + " was decided already; nothing changed.");
        return "redirect:/admin/reports/" + id;
    }

    private String reportView(ProblemReport report, AccountPrincipal admin, Model model) {
        ZoneId zone = accounts.zoneOf(admin.getAccountId());
        Map<Long, String> names = accounts.displayNames(List.of(report.accountId()));
        model.addAttribute("row", views.rows(List.of(report), names, zone).get(0));
        Optional<QuestionVersion> seen = bank.version(report.versionId());
        Optional<QuestionDetail> question = bank.find(report.questionId());
        model.addAttribute("seenHtml", seen.map(views::html).orElse(""));
        model.addAttribute("seen", seen.orElse(null));
        model.addAttribute("current", question.map(QuestionDetail::current).orElse(null));
        model.addAttribute("questionExists", question.isPresent());
        boolean outdated = seen.isPresent()
                && question.isPresent()
                && question.get().current().id() != seen.get().id();
        model.addAttribute("outdated", outdated);
        model.addAttribute(
                "changes",
                outdated ? VersionChanges.changes(seen.get(), question.get().current(), null) : List.of());
        return VIEW_REPORT;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
