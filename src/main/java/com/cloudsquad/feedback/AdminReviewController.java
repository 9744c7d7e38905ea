package com.cloudsquad.feedback;

import com.cloudsquad.account.AccountService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins read every review and hide (with a reason the author sees) or show them again. */
@Controller
class AdminReviewController {

    static final String VIEW_LIST = "admin/reviews";
    static final int PAGE_SIZE = 25;

    private final Reviews reviews;
    private final AccountService accounts;

    AdminReviewController(Reviews reviews, AccountService accounts) {
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @GetMapping("/admin/reviews")
    String list(
            @RequestParam(defaultValue = "all") String show, @RequestParam(defaultValue = "1") int page, Model model) {
        return listView(show, page, null, null, model);
    }

    @PostMapping("/admin/reviews/{id}/hide")
    String hide(
            @PathVariable long id,
            @Valid @ModelAttribute("hideForm") HideForm form,
            BindingResult result,
            @RequestParam(defaultValue = "all") String show,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            RedirectAttributes redirect) {
        Review review = reviews.find(id).orElseThrow(ReviewNotFoundException::new);
        if (result.hasErrors()) {
            return listView(show, page, id, result.getFieldError("reason").getDefaultMessage(), model);
        }
        boolean hidden = reviews.hide(review.id(), form.getReason());
        redirect.addFlashAttribute(
                hidden ? "notice" : "alert",
                hidden ? "Review " + id + " is hidden from the public page." : "Review " + id + " was hidden already.");
        return "redirect:/admin/reviews?show=" + showParam(show) + "&page=" + Math.max(1, page);
    }

    @PostMapping("/admin/reviews/{id}/unhide")
    String unhide(
            @PathVariable long id,
            @RequestParam(defaultValue = "all") String show,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        Review review = reviews.find(id).orElseThrow(ReviewNotFoundException::new);
        boolean shown = reviews.unhide(review.id(), "shown again on the public page");
        redirect.addFlashAttribute(
                shown ? "notice" : "alert",
                shown ? "Review " + id + " is shown again." : "Review " + id + " was visible already.");
        return "redirect:/admin/reviews?show=" + showParam(show) + "&page=" + Math.max(1, page);
    }

    private String listView(String show, int page, Long errorId, String error, Model model) {
        String filter = showParam(show);
        int current = Math.max(1, Math.min(page, 10_000));
        List<Review> found = reviews.forAdmins(filter.equals("hidden"), (current - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<Long, String> names =
                accounts.displayNames(found.stream().map(Review::accountId).collect(Collectors.toSet()));
        model.addAttribute(
                "rows",
                found.stream()
                        .limit(PAGE_SIZE)
                        .map(r -> ReviewController.row(r, names.getOrDefault(r.accountId(), "#" + r.accountId())))
                        .toList());
        model.addAttribute("show", filter);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("summary", reviews.summary());
        model.addAttribute("hiddenCount", reviews.hiddenCount());
        model.addAttribute("errorId", errorId);
        model.addAttribute("error", error);
        return VIEW_LIST;
    }

    private static String showParam(String show) {
        return "hidden".equals(show) ? "hidden" : "all";
    }
}
