package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Taking an attempt: one question per page, autosave, flags, check (learning modes), the review
 * before submitting, submit, and the results with the answer review. A candidate reaches only
 * their own attempts; an admin may look at anyone's, read-only.
 */
@Controller
@RequestMapping("/attempts")
class AttemptController {

    static final String VIEW_QUESTION = "exam/question";
    static final String VIEW_REVIEW = "exam/review";
    static final String VIEW_RESULTS = "exam/results";
    static final String VIEW_HISTORY = "exam/history";

    private final Attempts attempts;
    private final AttemptViews views;
    private final Catalog catalog;
    private final Clock clock;
    private final TransactionTemplate reads;

    AttemptController(
            Attempts attempts,
            AttemptViews views,
            Catalog catalog,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.views = views;
        this.catalog = catalog;
        this.clock = clock;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    @GetMapping
    String history(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<Attempt> list = attempts.history(user.getAccountId());
        Map<Long, Certification> certifications = catalog.certificationsById();
        List<HistoryRow> rows = list.stream()
                .map(a -> new HistoryRow(
                        a,
                        certifications.get(a.certificationId()).code(),
                        a.mode().label(),
                        statusLabel(a),
                        AttemptViews.duration(a.timeUsed(clock.instant())),
                        AttemptViews.started(a),
                        AttemptViews.score(a)))
                .toList();
        model.addAttribute("rows", rows);
        return VIEW_HISTORY;
    }

    public record HistoryRow(
            Attempt attempt,
            String certification,
            String mode,
            String status,
            String timeUsed,
            String started,
            String score) {}

    static String statusLabel(Attempt a) {
        return switch (a.status()) {
            case IN_PROGRESS -> "In progress";
            case SUBMITTED -> "Submitted";
            case EXPIRED -> "Submitted by the clock";
            case ABANDONED -> "Left";
        };
    }

    @GetMapping("/{id}")
    String resume(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        Attempt attempt = readable(id, user);
        if (!attempt.open() || overdue(attempt)) {
            return "redirect:/attempts/" + id + "/results";
        }
        int position = attempts.questions(id).stream()
                .filter(q -> !q.answered())
                .findFirst()
                .map(AttemptQuestion::position)
                .orElse(1);
        return "redirect:/attempts/" + id + "/q/" + position;
    }

    @GetMapping("/{id}/q/{position}")
    String question(
            @PathVariable long id,
            @PathVariable int position,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        // The page's hottest request: its reads share one transaction (one connection checkout).
        return reads.execute(status -> questionPage(id, position, user, model));
    }

    private String questionPage(long id, int position, AccountPrincipal user, Model model) {
        Attempt attempt = readable(id, user);
        if (!attempt.open() || overdue(attempt)) {
            return "redirect:/attempts/" + id + "/results";
        }
        List<AttemptQuestion> questions = attempts.questions(id);
        if (position < 1 || position > questions.size()) {
            throw new AttemptNotFoundException(id);
        }
        AttemptQuestion q = questions.get(position - 1);
        Certification certification = catalog.byId(attempt.certificationId()).orElseThrow();
        QuestionVersion version = views.versions(List.of(q)).get(q.versionId());
        boolean reveal = attempt.mode().learning() && q.checked();
        model.addAttribute("attempt", attempt);
        model.addAttribute("certification", certification);
        model.addAttribute("question", views.question(q, version, questions.size(), certification, reveal));
        model.addAttribute("navItems", views.navItems(questions, position, "/attempts/" + id));
        model.addAttribute(
                "answeredCount",
                questions.stream().filter(AttemptQuestion::answered).count());
        model.addAttribute("readOnly", attempt.accountId() != user.getAccountId());
        model.addAttribute("remainingMs", AttemptViews.remainingMillis(attempt, clock.instant()));
        model.addAttribute(
                "timeLimit",
                attempt.timed()
                        ? AttemptViews.duration(java.time.Duration.between(attempt.startedAt(), attempt.deadlineAt()))
                        : "");
        model.addAttribute("base", "/attempts/" + id);
        return VIEW_QUESTION;
    }

    /** Autosave: the whole choice of one question, sent the moment it changes. */
    @PostMapping("/{id}/q/{position}/answer")
    String answer(
            @PathVariable long id,
            @PathVariable int position,
            @RequestParam(name = "choice", required = false) List<Integer> choice,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        // The hot path is one transaction: the lookup that proves ownership and the save.
        Set<Integer> selected = new HashSet<>(choice == null ? List.of() : choice);
        model.addAttribute("base", "/attempts/" + id);
        Attempts.SaveOutcome outcome = attempts.saveAnswer(id, user.getAccountId(), position, selected);
        if (outcome == Attempts.SaveOutcome.NOT_FOUND) {
            throw new AttemptNotFoundException(id);
        }
        if (outcome == Attempts.SaveOutcome.INVALID) {
            model.addAttribute("saveState", "invalid");
            return VIEW_QUESTION + " :: save-status";
        }
        if (outcome == Attempts.SaveOutcome.SAVED) {
            model.addAttribute("saveState", "saved");
        } else {
            Attempt attempt = own(id, user);
            if (overdue(attempt)) {
                attempts.expireAtDeadline(id);
            }
            boolean checked = attempt.mode().learning()
                    && attempts.questions(id).get(position - 1).checked();
            model.addAttribute("saveState", checked ? "locked" : "closed");
        }
        return VIEW_QUESTION + " :: save-status";
    }

    @PostMapping("/{id}/q/{position}/flag")
    String flag(
            @PathVariable long id,
            @PathVariable int position,
            @RequestParam boolean flagged,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        own(id, user);
        Attempts.SaveOutcome outcome = attempts.setFlag(id, user.getAccountId(), position, flagged);
        List<AttemptQuestion> questions = attempts.questions(id);
        if (position < 1 || position > questions.size()) {
            throw new AttemptNotFoundException(id);
        }
        model.addAttribute("base", "/attempts/" + id);
        model.addAttribute("flagged", questions.get(position - 1).flagged());
        model.addAttribute("position", position);
        model.addAttribute("navItems", views.navItems(questions, position, "/attempts/" + id));
        model.addAttribute("flagClosed", outcome == Attempts.SaveOutcome.CLOSED);
        return VIEW_QUESTION + " :: flag-update";
    }

    /** Learning modes: check the saved answer, lock it, show the explanations. */
    @PostMapping("/{id}/q/{position}/check")
    String check(
            @PathVariable long id,
            @PathVariable int position,
            @AuthenticationPrincipal AccountPrincipal user,
            HtmxRequest htmx) {
        own(id, user);
        attempts.check(id, user.getAccountId(), position);
        return "redirect:" + (htmx.isHtmxRequest() ? "htmx:" : "") + "/attempts/" + id + "/q/" + position;
    }

    @GetMapping("/{id}/review")
    String review(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Attempt attempt = readable(id, user);
        if (!attempt.open() || overdue(attempt)) {
            return "redirect:/attempts/" + id + "/results";
        }
        List<AttemptQuestion> questions = attempts.questions(id);
        model.addAttribute("attempt", attempt);
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
        model.addAttribute("readOnly", attempt.accountId() != user.getAccountId());
        model.addAttribute("remainingMs", AttemptViews.remainingMillis(attempt, clock.instant()));
        model.addAttribute("base", "/attempts/" + id);
        return VIEW_REVIEW;
    }

    /** Submitting twice, or from two tabs, scores once; every request lands on the results. */
    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        Attempt attempt = own(id, user);
        if (overdue(attempt)) {
            attempts.expireAtDeadline(id);
        } else {
            attempts.submit(id, user.getAccountId());
        }
        return "redirect:/attempts/" + id + "/results";
    }

    /** Learning modes: leave without a score. */
    @PostMapping("/{id}/leave")
    String leave(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        own(id, user);
        if (attempts.abandon(id, user.getAccountId())) {
            redirect.addFlashAttribute("notice", "You left the practice. Answers you checked still count for review.");
        }
        return "redirect:/exams";
    }

    @GetMapping("/{id}/results")
    String results(
            @PathVariable long id,
            @RequestParam(defaultValue = "all") String show,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        Attempt attempt = readable(id, user);
        if (attempt.open()) {
            if (overdue(attempt) && attempt.accountId() == user.getAccountId()) {
                attempts.expireAtDeadline(id);
                attempt = attempts.find(id).orElseThrow();
            } else if (overdue(attempt)) {
                attempts.expireIfOverdue(id);
                attempt = attempts.find(id).orElseThrow();
            }
        }
        if (attempt.open()) {
            return "redirect:/attempts/" + id;
        }
        Certification certification = catalog.byId(attempt.certificationId()).orElseThrow();
        List<AttemptQuestion> questions = attempts.questions(id);
        Map<Long, QuestionVersion> versions = views.versions(questions);
        String filter =
                switch (show) {
                    case "wrong", "flagged" -> show;
                    default -> "all";
                };
        List<AttemptViews.QuestionView> items = new ArrayList<>();
        for (AttemptQuestion q : questions) {
            boolean wrong = !Boolean.TRUE.equals(q.correct());
            if ((filter.equals("wrong") && !wrong) || (filter.equals("flagged") && !q.flagged())) {
                continue;
            }
            items.add(views.question(q, versions.get(q.versionId()), questions.size(), certification, true));
        }
        model.addAttribute("attempt", attempt);
        model.addAttribute("certification", certification);
        model.addAttribute("statusLabel", statusLabel(attempt));
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
        model.addAttribute("readOnly", attempt.accountId() != user.getAccountId());
        model.addAttribute("base", "/attempts/" + id);
        return VIEW_RESULTS;
    }

    private boolean overdue(Attempt attempt) {
        return attempt.open() && attempt.deadlineAt() != null && clock.instant().isAfter(attempt.deadlineAt());
    }

    /** The user's own attempt (to change it); anything else is "not found". */
    private Attempt own(long id, AccountPrincipal user) {
        return attempts.find(id)
                .filter(a -> a.accountId() == user.getAccountId())
                .orElseThrow(() -> new AttemptNotFoundException(id));
    }

    /** The user's own attempt, or any attempt for an admin (read-only). */
    private Attempt readable(long id, AccountPrincipal user) {
        return attempts.find(id)
                .filter(a -> a.accountId() == user.getAccountId() || user.isAdmin())
                .orElseThrow(() -> new AttemptNotFoundException(id));
    }
}
