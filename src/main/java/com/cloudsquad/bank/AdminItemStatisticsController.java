package com.cloudsquad.bank;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.platform.DisplayTime;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.security.Principal;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Item statistics for admins: the sortable list of every version's figures (flagged first, so a
 * wrong key surfaces by itself), "Recompute now", and one question's figures per version, which
 * its edit page loads with htmx.
 */
@Controller
@RequestMapping("/admin/questions")
class AdminItemStatisticsController {

    static final String VIEW_LIST = "admin/questions/statistics";
    static final String VIEW_QUESTION = "admin/questions/question-statistics";

    private final ItemStatistics statistics;
    private final QuestionBank bank;
    private final Catalog catalog;

    AdminItemStatisticsController(ItemStatistics statistics, QuestionBank bank, Catalog catalog) {
        this.statistics = statistics;
        this.bank = bank;
        this.catalog = catalog;
    }

    @GetMapping("/statistics")
    String list(
            @RequestParam(defaultValue = "flagged") String sort,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(required = false) Long certification,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String safeSort = ItemStatisticsStore.SORTS.contains(sort) ? sort : "flagged";
        model.addAttribute("sort", safeSort);
        model.addAttribute("flagged", flagged);
        model.addAttribute("certification", certification);
        model.addAttribute("certifications", catalog.certifications());
        model.addAttribute("result", statistics.list(safeSort, flagged, certification, page));
        ItemStatisticsStore.Run run = statistics.lastRun();
        model.addAttribute("run", run);
        model.addAttribute(
                "lastRunAt", run.finishedAt() == null ? null : DisplayTime.dateTime(run.finishedAt(), ZoneOffset.UTC));
        model.addAttribute("needingChecking", statistics.questionsNeedingChecking());
        model.addAttribute("minAttempts", ItemAnalysis.MIN_ATTEMPTS);
        model.addAttribute("lowFacility", (int) ItemAnalysis.LOW_FACILITY);
        model.addAttribute("highFacility", (int) ItemAnalysis.HIGH_FACILITY);
        return VIEW_LIST;
    }

    /** Runs now, in this request (the benchmark's 3,000,000 answers take seconds, see README). */
    @PostMapping("/statistics/recompute")
    String recompute(Principal principal, RedirectAttributes redirect) {
        ItemStatistics.Outcome outcome = statistics.recompute(principal.getName());
        if (outcome.ran()) {
            redirect.addFlashAttribute(
                    "notice",
                    "Statistics recomputed: " + outcome.versions() + " question versions from " + outcome.responses()
                            + " answers; " + outcome.flagged() + " need checking.");
        } else {
            redirect.addFlashAttribute(
                    "alert", "The statistics are being recomputed already. Reload this page in a minute.");
        }
        return "redirect:/admin/questions/statistics";
    }

    /** The figures of every version of one question: the whole page, or the section for the edit page. */
    @GetMapping("/{id}/statistics")
    String question(@PathVariable long id, HtmxRequest htmx, Model model) {
        QuestionDetail question = bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        model.addAttribute("question", question);
        model.addAttribute("versions", statistics.forQuestion(id));
        return htmx.isHtmxRequest() ? VIEW_QUESTION + " :: item-statistics" : VIEW_QUESTION;
    }
}
