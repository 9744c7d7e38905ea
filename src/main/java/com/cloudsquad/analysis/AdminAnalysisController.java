package com.cloudsquad.analysis;

import com.cloudsquad.account.AccountPrincipal;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Admin: AI usage per day with an estimated cost, the budgets, and AI-drafted questions. */
@Controller
class AdminAnalysisController {

    static final String VIEW = "admin/analysis";

    private final ReportStore store;
    private final QuestionDrafter drafter;
    private final Catalog catalog;
    private final AnalysisProperties properties;
    private final AnalysisModel model;
    private final Clock clock;

    AdminAnalysisController(
            ReportStore store,
            QuestionDrafter drafter,
            Catalog catalog,
            AnalysisProperties properties,
            AnalysisModel model,
            Clock clock) {
        this.store = store;
        this.drafter = drafter;
        this.catalog = catalog;
        this.properties = properties;
        this.model = model;
        this.clock = clock;
    }

    /** One day on the usage table. */
    record DayUsage(
            LocalDate day,
            int aiReports,
            int ruleReports,
            int calls,
            long inputTokens,
            long outputTokens,
            BigDecimal cost) {}

    /** A domain to choose, with its certification. */
    record DomainChoice(long id, String label) {}

    @GetMapping("/admin/analysis")
    String page(Model model) {
        model.addAttribute("draftForm", DraftForm.empty());
        return show(model);
    }

    @PostMapping("/admin/analysis/drafts")
    String draft(
            @Valid @ModelAttribute("draftForm") DraftForm form,
            BindingResult errors,
            @AuthenticationPrincipal AccountPrincipal admin,
            Model model) {
        Certification certification = form.domainId() == null
                ? null
                : catalog.byDomain(form.domainId()).orElse(null);
        if (form.domainId() != null && certification == null) {
            errors.rejectValue("domainId", "unknown", "Choose a domain from the list.");
        }
        String unavailable = drafter.unavailableReason();
        if (errors.hasErrors() || unavailable != null) {
            return show(model);
        }
        ExamDomain domain = certification.domain(form.domainId()).orElseThrow();
        try {
            model.addAttribute(
                    "drafted",
                    drafter.draft(
                            certification, domain, form.difficulty(), form.count(), form.topic(), admin.getUsername()));
        } catch (ModelCallFailedException | ModelOutputInvalidException e) {
            model.addAttribute("draftError", "Bedrock did not draft questions: " + e.getMessage());
        }
        return show(model);
    }

    private String show(Model model) {
        LocalDate today = ReportStore.utcDay(clock.instant());
        LocalDate from = today.minusDays(29);
        Map<LocalDate, long[]> days = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (ReportStore.DailyUsage u : store.usageSince(from)) {
            long[] d = days.computeIfAbsent(u.day(), k -> new long[5]);
            d[2] += u.calls();
            d[3] += u.inputTokens();
            d[4] += u.outputTokens();
        }
        for (Object[] r : store.reportsSince(from)) {
            long[] d = days.computeIfAbsent((LocalDate) r[0], k -> new long[5]);
            if ("AI".equals(r[1])) {
                d[0] += (Integer) r[2];
            } else if ("RULES".equals(r[1])) {
                d[1] += (Integer) r[2];
            }
        }
        List<DayUsage> usage = new ArrayList<>();
        days.forEach((day, d) ->
                usage.add(new DayUsage(day, (int) d[0], (int) d[1], (int) d[2], d[3], d[4], cost(d[3], d[4]))));
        model.addAttribute("usage", usage);
        model.addAttribute("totalCost", usage.stream().map(DayUsage::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("tokensToday", store.tokensOn(today));
        model.addAttribute("settings", properties);
        model.addAttribute("bedrockOn", this.model.available());
        model.addAttribute("unavailable", drafter.unavailableReason());
        List<DomainChoice> domains = new ArrayList<>();
        for (Certification c : catalog.certifications()) {
            for (ExamDomain d : c.domains()) {
                domains.add(new DomainChoice(d.id(), c.code() + " · " + d.name()));
            }
        }
        model.addAttribute("domains", domains);
        return VIEW;
    }

    private BigDecimal cost(long in, long out) {
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        return properties
                .prices()
                .inputPerMillion()
                .multiply(BigDecimal.valueOf(in))
                .divide(million, 4, RoundingMode.HALF_UP)
                .add(properties
                        .prices()
                        .outputPerMillion()
                        .multiply(BigDecimal.valueOf(out))
                        .divide(million, 4, RoundingMode.HALF_UP));
    }
}
