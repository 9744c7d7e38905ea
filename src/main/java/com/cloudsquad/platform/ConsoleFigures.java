package com.cloudsquad.platform;

import java.util.List;

/**
 * SPI: how a module puts counts on the admin console ({@code /admin}, built in {@code site})
 * without {@code site} depending on it. Declare a bean of this type in the module; the console
 * shows its figures after its own (users, attempts, pass rates), beans in {@code @Order} order.
 * Adding a tile is one line, e.g. in {@code feedback}:
 *
 * <pre>{@code
 * @Bean
 * @Order(10)
 * ConsoleFigures feedbackFigures(ProblemReports reports, Reviews reviews) {
 *     return () -> List.of(
 *             ConsoleFigure.count("Open problem reports", reports.openProblemReports(), "/admin/reports"),
 *             ConsoleFigure.count("Hidden reviews", reviews.hiddenReviews(), "/admin/reviews"));
 * }
 * }</pre>
 *
 * The console caches the whole set for a short time ({@code app.admin.figures-ttl}, one minute),
 * so {@link #figures()} runs at most once a minute per instance; it should still be an indexed
 * count, not a scan.
 */
@FunctionalInterface
public interface ConsoleFigures {

    /** This module's tiles, in the order they are shown. */
    List<ConsoleFigure> figures();
}
