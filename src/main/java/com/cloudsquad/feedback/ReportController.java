package com.cloudsquad.feedback;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.bank.QuestionBank;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Report a problem" from the answer review and practice feedback (exam's templates post here with
 * the attempt and position), and the candidate's own reports. With htmx the control is swapped in
 * place; without JavaScript the post answers with a page of its own.
 */
@Controller
class ReportController {

    static final String VIEW_CONTROL = "feedback/report";
    static final String VIEW_FORM_PAGE = "feedback/report-page";
    static final String VIEW_MINE = "feedback/my-reports";
    static final String VIEW_ONE = "feedback/my-report";
    static final int MINE_LIMIT = 200;

    private final ProblemReports reports;
    private final FeedbackLimits limits;
    private final ReportViews views;
    private final QuestionBank bank;
    private final AccountService accounts;

    ReportController(
            ProblemReports reports,
            FeedbackLimits limits,
            ReportViews views,
            QuestionBank bank,
            AccountService accounts) {
        this.reports = reports;
        this.limits = limits;
        this.views = views;
        this.bank = bank;
        this.accounts = accounts;
    }

    @PostMapping("/reports")
    String report(
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user,
            HttpServletRequest request,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        if (form.getAttemptId() == null || form.getPosition() == null) {
            throw new ReportNotAllowedException();
        }
        model.addAttribute("attemptId", form.getAttemptId());
        model.addAttribute("position", form.getPosition());
        if (result.hasErrors()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : result.getFieldErrors()) {
                errors.putIfAbsent(error.getField(), error.getDefaultMessage());
            }
            model.addAttribute("reportErrors", errors);
            return htmx.isHtmxRequest() ? VIEW_CONTROL + " :: report-control" : VIEW_FORM_PAGE;
        }
        Optional<String> limited = limits.report(user.getAccountId(), request.getRemoteAddr());
        if (limited.isPresent()) {
            model.addAttribute("reportAlert", limited.get());
            return htmx.isHtmxRequest() ? VIEW_CONTROL + " :: report-control" : VIEW_FORM_PAGE;
        }
        ProblemReports.Sent sent = reports.submit(
                user.getAccountId(), form.getAttemptId(), form.getPosition(), form.getReason(), form.getComment());
        if (htmx.isHtmxRequest()) {
            model.addAttribute("sent", sent);
            model.addAttribute("sentMessage", sentMessage(sent));
            return VIEW_CONTROL + " :: report-sent";
        }
        redirect.addFlashAttribute("notice", sentMessage(sent));
        return "redirect:/reports/" + sent.reportId();
    }

    static String sentMessage(ProblemReports.Sent sent) {
        return sent.merged()
                ? "You had reported this version of question " + sent.position()
                        + " before: your report is updated with this reason and comment, and is open."
                : "Thank you: your report on question " + sent.position() + " is sent. An admin will look at it.";
    }

    @GetMapping("/reports/mine")
    String mine(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        ZoneId zone = accounts.zoneOf(user.getAccountId());
        List<ProblemReport> mine = reports.mine(user.getAccountId(), MINE_LIMIT);
        model.addAttribute("rows", views.rows(mine, Map.of(), zone));
        return VIEW_MINE;
    }

    @GetMapping("/reports/{id}")
    String one(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        ProblemReport report = reports.find(id)
                .filter(r -> r.accountId() == user.getAccountId())
                .orElseThrow(ReportNotAllowedException::new);
        ZoneId zone = accounts.zoneOf(user.getAccountId());
        model.addAttribute("row", views.rows(List.of(report), Map.of(), zone).get(0));
        model.addAttribute(
                "stemHtml", bank.version(report.versionId()).map(views::html).orElse(""));
        return VIEW_ONE;
    }
}
