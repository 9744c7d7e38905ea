package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.CertificationNotFoundException;
import com.cloudsquad.platform.DisplayTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Choosing what to take: readiness test, mock exam, practice, domain drill, missed-question review. */
@Controller
class ExamController {

    static final String VIEW_START = "exam/start";
    static final List<Integer> PRACTICE_SIZES = List.of(10, 20, 30);
    static final int REVIEW_SIZE = 20;

    private final Attempts attempts;
    private final AttemptQueries queries;
    private final Catalog catalog;
    private final AccountService accounts;

    ExamController(Attempts attempts, AttemptQueries queries, Catalog catalog, AccountService accounts) {
        this.attempts = attempts;
        this.queries = queries;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /**
     * @param missed questions of the missed-question queue to review now
     * @param resting questions that rest until a day after their first right answer
     * @param nextBack when the first resting question is due again, in the candidate's zone (null when none rest)
     */
    public record CertificationChoice(
            Certification certification, Attempt openTimed, int missed, int resting, String nextBack) {}

    public record OpenAttempt(Attempt attempt, String certification, String mode) {}

    @GetMapping("/exams")
    String start(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<Certification> certifications = catalog.certifications();
        Map<Long, Certification> byId = catalog.certificationsById();
        ZoneId zone = accounts.zoneOf(user.getAccountId());
        model.addAttribute(
                "choices",
                certifications.stream()
                        .map(c -> {
                            MissedQueue.Summary queue = queries.missedQueue(user.getAccountId(), c.id());
                            return new CertificationChoice(
                                    c,
                                    queries.openTimed(user.getAccountId(), c.id())
                                            .orElse(null),
                                    queue.due().size(),
                                    queue.resting(),
                                    queue.nextBack() == null ? null : DisplayTime.dateTime(queue.nextBack(), zone));
                        })
                        .toList());
        model.addAttribute(
                "open",
                queries.open(user.getAccountId()).stream()
                        .map(a -> new OpenAttempt(
                                a,
                                byId.get(a.certificationId()).code(),
                                a.mode().label()))
                        .toList());
        model.addAttribute("practiceSizes", PRACTICE_SIZES);
        return VIEW_START;
    }

    @PostMapping("/exams/{code}/start")
    String begin(
            @PathVariable String code,
            @RequestParam AttemptMode mode,
            @RequestParam(defaultValue = "10") int count,
            @RequestParam(required = false) Long domain,
            @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        Certification certification = catalog.byCode(code).orElseThrow(() -> new CertificationNotFoundException(code));
        int size = mode == AttemptMode.REVIEW ? REVIEW_SIZE : PRACTICE_SIZES.contains(count) ? count : 10;
        if (mode == AttemptMode.DRILL
                && (domain == null || certification.domain(domain).isEmpty())) {
            redirect.addFlashAttribute("alert", "Choose a domain to drill.");
            return "redirect:/exams";
        }
        try {
            Attempts.Started started =
                    attempts.start(user.getAccountId(), certification, new Attempts.StartRequest(mode, size, domain));
            if (started.resumed()) {
                redirect.addFlashAttribute(
                        "notice",
                        "You already have a timed " + certification.code()
                                + " attempt in progress: here it is. Submit it to start another.");
            }
            // A fresh attempt opens on its first question: one redirect, not two (the attempt's own
            // address would look for the first unanswered question, which is the first here). On exam
            // day every candidate starts within seconds, so each request saved counts.
            return "redirect:/attempts/" + started.attemptId() + (started.resumed() ? "" : "/q/1");
        } catch (NotEnoughQuestionsException | NothingToReviewException e) {
            redirect.addFlashAttribute("alert", e.getMessage());
            return "redirect:/exams";
        }
    }
}
