package com.cloudsquad.exam;

import com.cloudsquad.account.AccountPrincipal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Autosave: the whole choice of one question, sent the moment it changes. The hottest request of
 * an exam, so it skips the attempt lookup the other pages share: {@link Attempts#saveAnswer}
 * proves ownership and saves in one transaction, then one read of the attempt's questions feeds
 * the "N of M answered" counter and the grid (out-of-band swaps); only a refused save looks further.
 */
@Controller
class AnswerController {

    private final Attempts attempts;
    private final AttemptAccess access;
    private final AttemptQueries queries;
    private final AttemptViews views;

    AnswerController(Attempts attempts, AttemptAccess access, AttemptQueries queries, AttemptViews views) {
        this.attempts = attempts;
        this.access = access;
        this.queries = queries;
        this.views = views;
    }

    @PostMapping("/attempts/{id}/q/{position}/answer")
    String answer(
            @PathVariable long id,
            @PathVariable int position,
            @RequestParam(name = "choice", required = false) List<Integer> choice,
            @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        Set<Integer> selected = new HashSet<>(choice == null ? List.of() : choice);
        model.addAttribute("base", "/attempts/" + id);
        Attempts.SaveOutcome outcome = attempts.saveAnswer(id, user.getAccountId(), position, selected);
        switch (outcome) {
            case NOT_FOUND -> throw new AttemptNotFoundException(id);
            case INVALID -> model.addAttribute("saveState", "invalid");
            case SAVED -> {
                // The live counter and grid, swapped out of band: one read of the attempt's questions.
                List<AttemptQuestion> questions = queries.questions(id);
                model.addAttribute("saveState", "saved");
                model.addAttribute("answeredCount", AttemptViews.answered(questions));
                model.addAttribute("total", questions.size());
                model.addAttribute("navItems", views.navItems(questions, position, "/attempts/" + id));
                return AttemptController.VIEW_QUESTION + " :: saved";
            }
            case CLOSED -> {
                // Closed, past the deadline (closed now, by the clock), or a checked answer.
                Attempt attempt = AttemptAccess.requireOwner(access.readable(id, user), user);
                boolean locked = attempt.open()
                        && queries.questions(id).get(position - 1).checked();
                model.addAttribute("saveState", locked ? "locked" : "closed");
            }
        }
        return AttemptController.VIEW_QUESTION + " :: save-status";
    }
}
