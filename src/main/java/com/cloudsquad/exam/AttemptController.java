package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.platform.DisplayTime;
import com.cloudsquad.platform.RenderedFragments;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Taking an attempt: one question per page, flags, check (learning modes), the review before
 * submitting, submit, and the results with the answer review. The attempt is resolved once per
 * request ({@link #attempt}); who may see it and what the clock says of it is
 * {@link AttemptAccess}'s call. Autosave, the hottest request, is {@link AnswerController}'s.
 */
@Controller
@RequestMapping("/attempts/{id}")
class AttemptController {

    static final String VIEW_QUESTION = "exam/question";
    static final String VIEW_REVIEW = "exam/review";
    static final String VIEW_RESULTS = "exam/results";
    static final String VIEW_ABANDON = "exam/abandon";

    private final Attempts attempts;
    private final AttemptAccess access;
    private final AttemptQueries queries;
    private final AttemptViews views;
    private final Catalog catalog;
    private final AccountService accounts;
    private final Clock clock;
    private final RenderedFragments fragments;

    AttemptController(
            Attempts attempts,
            AttemptAccess access,
            AttemptQueries queries,
            AttemptViews views,
            Catalog catalog,
            AccountService accounts,
            Clock clock,
            RenderedFragments fragments) {
        this.attempts = attempts;
        this.access = access;
        this.queries = queries;
        this.views = views;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
        this.fragments = fragments;
    }

    /** The attempt of this request, as the clock has it, with what every attempt page shows of it. */
    @ModelAttribute("attempt")
    Attempt attempt(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Attempt attempt = access.readable(id, user);
        model.addAttribute("readOnly", attempt.accountId() != user.getAccountId());
        model.addAttribute("base", "/attempts/" + id);
        return attempt;
    }

    @GetMapping
    String resume(@ModelAttribute(binding = false) Attempt attempt) {
        if (!attempt.open()) {
            return results(attempt);
        }
        int position = queries.questions(attempt.id()).stream()
                .filter(q -> !q.answered())
                .findFirst()
                .map(AttemptQuestion::position)
                .orElse(1);
        return "redirect:/attempts/" + attempt.id() + "/q/" + position;
    }

    /**
     * One question. An htmx request (a Previous/Next link or a grid cell) gets only the question
     * card, with the grid and the counter out of band, so the timer and the rest of the page stay;
     * a direct load, a history restore or a browser without JavaScript gets the whole page.
     */
    @GetMapping("/q/{position}")
    String question(
            @ModelAttribute(binding = false) Attempt attempt,
            @PathVariable int position,
            HtmxRequest htmx,
            Model model) {
        boolean swap = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        if (!attempt.open()) {
            return swap ? "redirect:htmx:/attempts/" + attempt.id() + "/results" : results(attempt);
        }
        List<AttemptQuestion> questions = queries.questions(attempt.id());
        if (position < 1 || position > questions.size()) {
            throw new AttemptNotFoundException(attempt.id());
        }
        AttemptQuestion q = questions.get(position - 1);
        Certification certification = catalog.byId(attempt.certificationId()).orElseThrow();
        QuestionVersion version = views.versions(List.of(q)).get(q.versionId());
        boolean reveal = attempt.mode().learning() && q.checked();
        model.addAttribute("certification", certification);
        model.addAttribute("question", views.question(q, version, questions.size(), certification, reveal));
        model.addAttribute("navItems", views.navItems(questions, position, "/attempts/" + attempt.id()));
        model.addAttribute("answeredCount", AttemptViews.answered(questions));
        model.addAttribute("total", questions.size());
        if (swap) {
            return VIEW_QUESTION + " :: question-swap";
        }
        model.addAttribute("remainingMs", AttemptViews.remainingMillis(attempt, clock.instant()));
        model.addAttribute(
                "timeLimit",
                attempt.timed()
                        ? AttemptViews.duration(Duration.between(attempt.startedAt(), attempt.deadlineAt()))
                        : "");
        return VIEW_QUESTION;
    }

    @PostMapping("/q/{position}/flag")
    String flag(
            @ModelAttribute(binding = false) Attempt attempt,
            @PathVariable int position,
            @RequestParam boolean flagged,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        AttemptAccess.requireOwner(attempt, user);
        Attempts.SaveOutcome outcome = attempts.setFlag(attempt.id(), user.getAccountId(), position, flagged);
        List<AttemptQuestion> questions = queries.questions(attempt.id());
        if (position < 1 || position > questions.size()) {
            throw new AttemptNotFoundException(attempt.id());
        }
        model.addAttribute("flagged", questions.get(position - 1).flagged());
        model.addAttribute("position", position);
        model.addAttribute("navItems", views.navItems(questions, position, "/attempts/" + attempt.id()));
        model.addAttribute("flagClosed", outcome == Attempts.SaveOutcome.CLOSED);
        return VIEW_QUESTION + " :: flag-update";
    }

    /** Learning modes: check the saved answer, lock it, show the explanations. */
    @PostMapping("/q/{position}/check")
    String check(
            @ModelAttribute(binding = false) Attempt attempt,
            @PathVariable int position,
            @AuthenticationPrincipal AccountPrincipal user,
            HtmxRequest htmx) {
        AttemptAccess.requireOwner(attempt, user);
        attempts.check(attempt.id(), user.getAccountId(), position);
        return "redirect:" + (htmx.isHtmxRequest() ? "htmx:" : "") + "/attempts/" + attempt.id() + "/q/" + position;
    }

    @GetMapping("/review")
    String review(@ModelAttribute(binding = false) Attempt attempt, Model model) {
        if (!attempt.open()) {
            return results(attempt);
        }
        List<AttemptQuestion> questions = queries.questions(attempt.id());
        model.addAttribute(
                "certification", catalog.byId(attempt.certificationId()).orElseThrow());
        model.addAttribute(
                "unanswered",
                questions.stream()
                        .filter(q -> !q.answered())
                        .map(AttemptQuestion::position)
                        .toList());
        model.addAttribute(
                "flaggedPositions",
                questions.stream()
                        .filter(AttemptQuestion::flagged)
                        .map(AttemptQuestion::position)
                        .toList());
        model.addAttribute("remainingMs", AttemptViews.remainingMillis(attempt, clock.instant()));
        return VIEW_REVIEW;
    }

    /** Submitting twice, or from two tabs, scores once; every request lands on the results. */
    @PostMapping("/submit")
    String submit(@ModelAttribute(binding = false) Attempt attempt, @AuthenticationPrincipal AccountPrincipal user) {
        AttemptAccess.requireOwner(attempt, user);
        attempts.submit(attempt.id(), user.getAccountId());
        return results(attempt);
    }

    /** Learning modes: leave without a score. */
    @PostMapping("/leave")
    String leave(
            @ModelAttribute(binding = false) Attempt attempt,
            @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        AttemptAccess.requireOwner(attempt, user);
        if (attempts.abandon(attempt.id(), user.getAccountId())) {
            redirect.addFlashAttribute("notice", leftNotice(attempt));
        }
        return attempt.mode() == AttemptMode.REVIEW ? results(attempt) : "redirect:/exams";
    }

    private static String leftNotice(Attempt attempt) {
        return switch (attempt.mode()) {
            case REVIEW -> "You left the missed-question review. What you checked is recorded below.";
            case DRILL -> "You left the domain drill. Answers you checked still count for review.";
            default -> "You left the practice. Answers you checked still count for review.";
        };
    }

    /** A timed attempt: ask before abandoning it (a page of its own, so it works without JavaScript). */
    @GetMapping("/abandon")
    String confirmAbandon(@ModelAttribute(binding = false) Attempt attempt, Model model) {
        if (!attempt.open()) {
            return results(attempt);
        }
        model.addAttribute(
                "certification", catalog.byId(attempt.certificationId()).orElseThrow());
        model.addAttribute("answeredCount", AttemptViews.answered(queries.questions(attempt.id())));
        return VIEW_ABANDON;
    }

    /** Abandoning closes a timed attempt unscored: it never counts towards progress. */
    @PostMapping("/abandon")
    String abandon(
            @ModelAttribute(binding = false) Attempt attempt,
            @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        AttemptAccess.requireOwner(attempt, user);
        if (attempts.abandonTimed(attempt.id(), user.getAccountId())) {
            Certification certification =
                    catalog.byId(attempt.certificationId()).orElseThrow();
            redirect.addFlashAttribute(
                    "notice",
                    "You abandoned your " + certification.code() + " "
                            + attempt.mode().label().toLowerCase(java.util.Locale.ROOT)
                            + ". It is not scored and does not count towards your progress.");
            return "redirect:/exams";
        }
        return results(attempt);
    }

    /** Everything a closed attempt's answer review shows depends on (besides the browser's CSRF token). */
    private record ReviewKey(
            long attemptId, AttemptStatus status, Instant closedAt, Certification certification, String filter) {}

    @GetMapping("/results")
    String results(
            @ModelAttribute(binding = false) Attempt attempt,
            @RequestParam(defaultValue = "wrong") String show,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (attempt.open()) {
            return "redirect:/attempts/" + attempt.id();
        }
        Certification certification = catalog.byId(attempt.certificationId()).orElseThrow();
        AttemptViews.ClosedResults results = views.closedResults(attempt, certification);
        List<AttemptQuestion> questions = results.questions();
        String filter =
                switch (show) {
                    case "all", "flagged" -> show;
                    default -> "wrong";
                };
        List<AttemptViews.QuestionView> items = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            AttemptQuestion q = questions.get(i);
            boolean wrong = !Boolean.TRUE.equals(q.correct());
            if ((filter.equals("wrong") && !wrong) || (filter.equals("flagged") && !q.flagged())) {
                continue;
            }
            items.add(results.reviews().get(i));
        }
        model.addAttribute("certification", certification);
        model.addAttribute("statusLabel", AttemptViews.statusLabel(attempt));
        model.addAttribute("domains", views.domains(questions, certification));
        model.addAttribute("items", items);
        model.addAttribute("show", filter);
        model.addAttribute("total", questions.size());
        model.addAttribute(
                "wrongCount",
                questions.stream()
                        .filter(q -> !Boolean.TRUE.equals(q.correct()))
                        .count());
        model.addAttribute(
                "flaggedCount",
                questions.stream().filter(AttemptQuestion::flagged).count());
        model.addAttribute("timeUsed", AttemptViews.duration(attempt.timeUsed(clock.instant())));
        model.addAttribute("answeredCount", AttemptViews.answered(questions));
        // from the questions, not the attempt's score: a learning attempt left early has none, yet
        // its checked answers were graded one by one
        model.addAttribute(
                "rightCount",
                questions.stream().filter(q -> Boolean.TRUE.equals(q.correct())).count());
        model.addAttribute(
                "answerReview",
                fragments.html(
                        new ReviewKey(attempt.id(), attempt.status(), attempt.closedAt(), certification, filter),
                        VIEW_RESULTS + " :: answer-review",
                        model::asMap,
                        request,
                        response));
        if (attempt.mode() == AttemptMode.REVIEW) {
            MissedQueue.Summary queue = queries.missedQueue(attempt.accountId(), attempt.certificationId());
            model.addAttribute("stillWaiting", queue.waiting());
            model.addAttribute("dueNow", queue.due().size());
            model.addAttribute("resting", queue.resting());
            model.addAttribute(
                    "nextBack",
                    queue.nextBack() == null
                            ? null
                            : DisplayTime.dateTime(queue.nextBack(), accounts.zoneOf(attempt.accountId())));
        }
        return VIEW_RESULTS;
    }

    private static String results(Attempt attempt) {
        return "redirect:/attempts/" + attempt.id() + "/results";
    }
}
