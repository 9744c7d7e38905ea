package com.cloudsquad.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moodle's quiz statistics for one question version, over the first attempts that showed it
 * (see {@link ItemStatistics} for which attempts). With s attempts, x the mark on this question as
 * a fraction of its max mark (0 or 1 here) and X the rest of the test:
 *
 * <ul>
 *   <li>facility = 100 · mean(x);
 *   <li>SD = 100 · sqrt(Σ(x − x̄)² / (s − 1)), as % of the max mark;
 *   <li>discrimination = 100 · cov(x, X) / sqrt(var(x) · var(X)), undefined when either variance
 *       is 0 (Moodle: {@code discriminationindex});
 *   <li>discriminative efficiency = 100 · cov(x, X) / cov_max, where cov_max pairs x and X each
 *       sorted ascending (Moodle: {@code covariancemax}, {@code discriminativeefficiency});
 *       undefined when cov_max is 0.
 * </ul>
 *
 * Variances and covariances divide by s − 1, as Moodle's calculator does. X is the rest of the
 * test as a fraction of the other questions' marks, (attempt's right answers − x) / (attempt's
 * questions − 1): for attempts of one length (all that Moodle ever mixes, one quiz at a time) it
 * is Moodle's "total minus this question" divided by a constant, which changes neither the
 * correlation nor cov/cov_max; it also puts a 30-question readiness test and a 65-question mock on
 * one scale when a version appeared in both.
 */
final class ItemAnalysis {

    /** Below this many attempts no flag is raised: the figures are too noisy to accuse a question. */
    static final int MIN_ATTEMPTS = 20;
    /** Facility below this (%) with enough attempts: almost nobody gets it right. */
    static final double LOW_FACILITY = 10;
    /** Facility above this (%) with enough attempts: almost everybody does, it tells nobody apart. */
    static final double HIGH_FACILITY = 95;

    private static final String LETTERS = "ABCDEFGHIJ";

    private ItemAnalysis() {}

    /** How often one option was chosen, by everybody and by the strong third. */
    record OptionCount(int position, boolean correct, int chosen, int chosenByStrong) {

        String letter() {
            return ItemAnalysis.letter(position);
        }
    }

    /** The figures of one version; doubles are percentages, null where Moodle shows nothing. */
    record Figures(
            long versionId,
            long questionId,
            int attempts,
            double facility,
            Double sd,
            Double discrimination,
            Double efficiency,
            int strongCount,
            List<OptionCount> options,
            List<String> reasons) {

        boolean needsChecking() {
            return !reasons.isEmpty();
        }
    }

    /**
     * @param marks the mark (0 or 1) of each attempt on this question
     * @param rest the rest-of-test score (fraction) of each attempt
     * @param selected the options chosen in each attempt, as bits of the original positions
     * @param count how many entries of the arrays are used
     * @param keyBits the right options, as bits
     * @param optionCount how many options the version has
     */
    static Figures analyse(
            long versionId,
            long questionId,
            double[] marks,
            double[] rest,
            int[] selected,
            int count,
            int keyBits,
            int optionCount) {
        int s = count;
        double xSum = 0;
        double restSum = 0;
        for (int i = 0; i < s; i++) {
            xSum += marks[i];
            restSum += rest[i];
        }
        double xMean = xSum / s;
        double restMean = restSum / s;
        double xVarSum = 0;
        double restVarSum = 0;
        double covSum = 0;
        for (int i = 0; i < s; i++) {
            double dx = marks[i] - xMean;
            double dr = rest[i] - restMean;
            xVarSum += dx * dx;
            restVarSum += dr * dr;
            covSum += dx * dr;
        }
        double[] sortedMarks = Arrays.copyOf(marks, s);
        double[] sortedRest = Arrays.copyOf(rest, s);
        Arrays.sort(sortedMarks);
        Arrays.sort(sortedRest);
        double covMaxSum = 0;
        for (int i = 0; i < s; i++) {
            covMaxSum += (sortedMarks[i] - xMean) * (sortedRest[i] - restMean);
        }
        Double sd = null;
        Double discrimination = null;
        Double efficiency = null;
        if (s > 1) {
            double xVar = xVarSum / (s - 1);
            double restVar = restVarSum / (s - 1);
            double cov = covSum / (s - 1);
            double covMax = covMaxSum / (s - 1);
            sd = 100 * Math.sqrt(xVar);
            if (xVar * restVar > 1e-15) {
                discrimination = 100 * cov / Math.sqrt(xVar * restVar);
            }
            if (Math.abs(covMax) > 1e-15) {
                efficiency = 100 * cov / covMax;
            }
        }
        // The strong third: the attempts whose rest of test is at least the ⌈s/3⌉-th best (ties in).
        double strongFrom = sortedRest[s - (s + 2) / 3];
        int[] chosen = new int[optionCount];
        int[] chosenByStrong = new int[optionCount];
        int strongCount = 0;
        for (int i = 0; i < s; i++) {
            boolean strong = rest[i] >= strongFrom;
            if (strong) {
                strongCount++;
            }
            for (int p = 0; p < optionCount; p++) {
                if ((selected[i] & (1 << p)) != 0) {
                    chosen[p]++;
                    if (strong) {
                        chosenByStrong[p]++;
                    }
                }
            }
        }
        List<OptionCount> options = new ArrayList<>(optionCount);
        for (int p = 0; p < optionCount; p++) {
            options.add(new OptionCount(p, (keyBits & (1 << p)) != 0, chosen[p], chosenByStrong[p]));
        }
        double facility = 100 * xMean;
        return new Figures(
                versionId,
                questionId,
                s,
                facility,
                sd,
                discrimination,
                efficiency,
                strongCount,
                List.copyOf(options),
                reasons(s, facility, discrimination, strongCount, options));
    }

    /** Why a version needs checking, in sentences; empty when it does not. */
    static List<String> reasons(
            int attempts, double facility, Double discrimination, int strongCount, List<OptionCount> options) {
        List<String> reasons = new ArrayList<>();
        if (attempts < MIN_ATTEMPTS) {
            return reasons;
        }
        if (discrimination != null && discrimination < 0) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "Negative discrimination (%.1f): candidates who did better on the rest of the test got this"
                            + " question wrong more often. Check the key.",
                    discrimination));
        }
        if (facility < LOW_FACILITY) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "Facility %.1f %%: almost nobody answers it right. Check the key and the wording.",
                    facility));
        } else if (facility > HIGH_FACILITY) {
            reasons.add(String.format(
                    java.util.Locale.ROOT,
                    "Facility %.1f %%: almost everybody answers it right, so it tells candidates apart poorly.",
                    facility));
        }
        int keyLeast = Integer.MAX_VALUE;
        OptionCount leastKey = null;
        for (OptionCount o : options) {
            if (o.correct() && o.chosenByStrong() < keyLeast) {
                keyLeast = o.chosenByStrong();
                leastKey = o;
            }
        }
        if (leastKey != null && strongCount > 0) {
            for (OptionCount o : options) {
                if (!o.correct() && o.chosenByStrong() > keyLeast) {
                    reasons.add(String.format(
                            java.util.Locale.ROOT,
                            "Strong candidates (the top third on the rest of the test, %d) chose option %s (%d)"
                                    + " more often than the key %s (%d).",
                            strongCount,
                            o.letter(),
                            o.chosenByStrong(),
                            leastKey.letter(),
                            keyLeast));
                }
            }
        }
        return List.copyOf(reasons);
    }

    static String letter(int position) {
        return position < LETTERS.length() ? String.valueOf(LETTERS.charAt(position)) : String.valueOf(position + 1);
    }
}
