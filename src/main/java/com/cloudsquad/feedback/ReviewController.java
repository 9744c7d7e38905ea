package com.cloudsquad.feedback;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.account.AccountService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public reviews page (no login needed) and the candidate's own review: write, edit, delete.
 * The list pages with real links; htmx swaps only the list for them.
 */
@Controller
class ReviewController {

    static final String VIEW_REVIEWS = "feedback/reviews";
    static final String VIEW_MINE = "feedback/my-review";
    static final int PAGE_SIZE = 10;

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Reviews reviews;
    private final FeedbackLimits limits;
    private final AccountService accounts;

    ReviewController(Reviews reviews, FeedbackLimits limits, AccountService accounts) {
        this.reviews = reviews;
        this.limits = limits;
        this.accounts = accounts;
    }

    /** A review as a page shows it; the text is always written with th:text. */
    public record ReviewRow(
            long id,
            String author,
            int stars,
            String starsText,
            String body,
            String date,
            boolean edited,
            boolean hidden,
            String hiddenReason) {}

    @GetMapping("/reviews")
    String reviews(
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountPrincipal user,
            HtmxRequest htmx,
            Model model) {
        ReviewSort order = ReviewSort.of(sort);
        int current = Math.max(1, Math.min(page, 10_000));
        List<Review> found = reviews.visible(order, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        boolean hasNext = found.size() > PAGE_SIZE;
        model.addAttribute("rows", rows(found.stream().limit(PAGE_SIZE).toList()));
        model.addAttribute("sort", order.key());
        model.addAttribute("sorts", ReviewSort.values());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", hasNext);
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            return VIEW_REVIEWS + " :: review-list";
        }
        model.addAttribute("summary", reviews.summary());
        if (user != null) {
            model.addAttribute("mine", reviews.mine(user.getAccountId()).isPresent());
        }
        return VIEW_REVIEWS;
    }

    @GetMapping("/reviews/mine")
    String mine(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        Optional<Review> mine = reviews.mine(user.getAccountId());
        ReviewForm form = new ReviewForm();
        mine.ifPresent(r -> {
            form.setStars(r.stars());
            form.setBody(r.body());
        });
        model.addAttribute("reviewForm", form);
        return mineView(user, mine, model);
    }

    @PostMapping("/reviews/mine")
    String save(
            @Valid @ModelAttribute("reviewForm") ReviewForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Optional<Review> mine = reviews.mine(user.getAccountId());
        if (!reviews.mayReview(user.getAccountId())) {
            return mineView(user, mine, model);
        }
        if (result.hasErrors()) {
            return mineView(user, mine, model);
        }
        Optional<String> limited = limits.reviewWrite(user.getAccountId(), request.getRemoteAddr());
        if (limited.isPresent()) {
            model.addAttribute("alert", limited.get());
            return mineView(user, mine, model);
        }
        Reviews.Saved saved = reviews.save(user.getAccountId(), form.getStars(), form.getBody());
        redirect.addFlashAttribute(
                "notice",
                saved == Reviews.Saved.CREATED ? "Thank you: your review is published." : "Your review is updated.");
        return "redirect:/reviews/mine";
    }

    @PostMapping("/reviews/mine/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        boolean deleted = reviews.delete(user.getAccountId());
        redirect.addFlashAttribute(
                deleted ? "notice" : "alert", deleted ? "Your review is deleted." : "You have no review to delete.");
        return "redirect:/reviews/mine";
    }

    private String mineView(AccountPrincipal user, Optional<Review> mine, Model model) {
        model.addAttribute("mayReview", reviews.mayReview(user.getAccountId()));
        model.addAttribute("review", mine.map(r -> rows(List.of(r)).get(0)).orElse(null));
        return VIEW_MINE;
    }

    private List<ReviewRow> rows(List<Review> found) {
        Map<Long, String> names =
                accounts.displayNames(found.stream().map(Review::accountId).collect(Collectors.toSet()));
        return found.stream()
                .map(r -> row(r, names.getOrDefault(r.accountId(), "A candidate")))
                .toList();
    }

    static ReviewRow row(Review r, String author) {
        return new ReviewRow(
                r.id(),
                author,
                r.stars(),
                r.stars() + " out of 5 stars",
                r.body(),
                DATE.format(r.createdAt()),
                r.updatedAt().isAfter(r.createdAt()),
                r.hidden(),
                r.hiddenReason());
    }
}
