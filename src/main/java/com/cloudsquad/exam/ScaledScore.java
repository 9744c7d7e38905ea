package com.cloudsquad.exam;

/**
 * Our estimate of AWS's scaled score (100–1000). AWS does not publish its raw-to-scaled mapping,
 * so this is a documented guess: piecewise linear, with {@link #PASS_RAW_PERCENT} % correct
 * landing exactly on the certification's passing score, 0 % on 100 and 100 % on 1000. The pages
 * that show it call it an estimate.
 */
final class ScaledScore {

    /** The share of questions we assume a borderline candidate gets right. */
    static final double PASS_RAW_PERCENT = 70.0;

    private ScaledScore() {}

    static int of(double rawPercent, int passingScore) {
        double raw = Math.max(0, Math.min(100, rawPercent));
        double scaled = raw <= PASS_RAW_PERCENT
                ? 100 + (passingScore - 100) * raw / PASS_RAW_PERCENT
                : passingScore + (1000 - passingScore) * (raw - PASS_RAW_PERCENT) / (100 - PASS_RAW_PERCENT);
        return (int) Math.round(scaled);
    }
}
