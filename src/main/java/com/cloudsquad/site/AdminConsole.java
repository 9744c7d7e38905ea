package com.cloudsquad.site;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.AttemptFigures;
import com.cloudsquad.platform.ConsoleFigure;
import com.cloudsquad.platform.ConsoleFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figures at the top of {@code /admin}: accounts, attempts today and in the last 7 days,
 * pass rate per certification, then every module's {@link ConsoleFigures} bean in order. The
 * whole set is counted at most once per {@code app.admin.figures-ttl} per instance and kept in
 * memory, so a page view costs no query at all; the page says when the figures were counted.
 * Days are UTC days, as the analysis budgets count them, so every admin sees the same figures.
 */
@Component
class AdminConsole {

    /** The pass rate counts scored tests of this many days (a range on the attempt_figures index). */
    static final int PASS_RATE_DAYS = 30;

    /** The figures and the moment they were counted. */
    record Snapshot(Instant countedAt, List<ConsoleFigure> figures, List<PassRateRow> passRates) {}

    /** One certification's scored readiness tests and mock exams of the last {@link #PASS_RATE_DAYS} days. */
    record PassRateRow(long certificationId, String code, String name, long scored, long passed, String rate) {}

    private final AccountService accounts;
    private final AttemptFigures attempts;
    private final Catalog catalog;
    private final ObjectProvider<ConsoleFigures> modules;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    AdminConsole(
            AccountService accounts,
            AttemptFigures attempts,
            Catalog catalog,
            ObjectProvider<ConsoleFigures> modules,
            Clock clock,
            @Value("${app.admin.figures-ttl:PT1M}") Duration ttl) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.catalog = catalog;
        this.modules = modules;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The current figures: the cached set while it is younger than the TTL, else counted anew. */
    Snapshot figures() {
        Instant now = clock.instant();
        Snapshot snapshot = cached.get();
        // a snapshot "from the future" means the clock was set back (tests): count again
        if (snapshot == null
                || !snapshot.countedAt().plus(ttl).isAfter(now)
                || snapshot.countedAt().isAfter(now)) {
            snapshot = new Snapshot(now, count(now), passRates(now));
            cached.set(snapshot);
        }
        return snapshot;
    }

    private List<ConsoleFigure> count(Instant now) {
        List<ConsoleFigure> figures = new ArrayList<>();
        figures.add(ConsoleFigure.count("Users", accounts.accountCount(), "/admin/users"));
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        figures.add(
                ConsoleFigure.count("Attempts today (UTC)", attempts.startedBetween(today, now), "/admin/attempts"));
        figures.add(ConsoleFigure.count(
                "Attempts in the last 7 days",
                attempts.startedBetween(today.minus(6, ChronoUnit.DAYS), now),
                "/admin/attempts"));
        modules.orderedStream().forEach(module -> figures.addAll(module.figures()));
        return List.copyOf(figures);
    }

    private List<PassRateRow> passRates(Instant now) {
        Map<Long, AttemptFigures.PassRate> rates =
                attempts.passRatesSince(now.minus(PASS_RATE_DAYS, ChronoUnit.DAYS)).stream()
                        .collect(Collectors.toMap(AttemptFigures.PassRate::certificationId, r -> r));
        List<PassRateRow> rows = new ArrayList<>();
        for (Certification certification : catalog.certifications()) {
            AttemptFigures.PassRate rate = rates.get(certification.id());
            rows.add(new PassRateRow(
                    certification.id(),
                    certification.code(),
                    certification.name(),
                    rate == null ? 0 : rate.scored(),
                    rate == null ? 0 : rate.passed(),
                    rate == null ? "–" : rate.percent() + " %"));
        }
        return List.copyOf(rows);
    }
}
