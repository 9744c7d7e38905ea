package com.cloudsquad.progress;

import java.util.List;

/**
 * The chance of passing the real exam, from per-domain ability on a Rasch-style scale.
 *
 * <p>Per domain, the recency-weighted share right is turned into an ability in logits and corrected
 * for the difficulty of the questions answered (a hard question counts as {@link #LOGITS_PER_STEP}
 * logits harder than a medium one). The estimate is shrunk towards a borderline candidate (prior
 * ability = the pass mark, one logit of spread), by as much as the domain's effective number of
 * answers leaves room for. The real exam is then modelled as the certification's number of
 * questions drawn by the domain weights at the bank's 30/50/20 difficulty mix: the expected share
 * right, its uncertainty from the ability estimates, and the binomial luck of one sitting give the
 * chance that the share reaches 70 % (our pass mark). The interval is the chance at the low and high
 * ends of an 80 % interval of the expected share.
 */
final class Readiness {

    /** No estimate below this many graded answers in the certification. */
    static final int MIN_ANSWERS = 60;

    static final double PASS_SHARE = 0.70;
    static final double LOGITS_PER_STEP = 0.8;
    static final double[] EXAM_MIX = {0.30, 0.50, 0.20};
    static final double PRIOR_MEAN = logit(PASS_SHARE);
    static final double PRIOR_SD = 1.5;
    private static final double Z80 = 1.2816;

    private Readiness() {}

    /** A domain's weight in the exam (percent) and the candidate's evidence in it. */
    record Domain(int weightPercent, Mastery mastery) {}

    /** Chance of passing (0–1) with its interval, and the share right we expect. */
    record Estimate(double probability, double low, double high, double expectedShare) {

        public int percent() {
            return (int) Math.round(probability * 100);
        }

        public int lowPercent() {
            return (int) Math.round(low * 100);
        }

        public int highPercent() {
            return (int) Math.round(high * 100);
        }

        public int expectedPercent() {
            return (int) Math.round(expectedShare * 100);
        }
    }

    static Estimate estimate(List<Domain> domains, int examQuestions) {
        double totalWeight = domains.stream().mapToInt(Domain::weightPercent).sum();
        double expected = 0;
        double variance = 0;
        for (Domain d : domains) {
            double w = d.weightPercent() / totalWeight;
            double[] ability = ability(d.mastery());
            // the same difficulty correction as the estimate (at the mean difficulty), so that a
            // candidate who answered the exam's own mix is predicted their own share right
            double p = logistic(ability[0] - difficultyLogit(examDifficulty()));
            double slope = p * (1 - p);
            expected += w * p;
            variance += w * w * slope * slope * ability[1];
        }
        double luck = expected * (1 - expected) / examQuestions;
        double needed = (Math.ceil(PASS_SHARE * examQuestions - 1e-9) - 0.5) / examQuestions;
        double probability = phi((expected - needed) / Math.sqrt(variance + luck));
        double spread = Z80 * Math.sqrt(variance);
        double low = phi((expected - spread - needed) / Math.sqrt(luck));
        double high = phi((expected + spread - needed) / Math.sqrt(luck));
        return new Estimate(probability, Math.min(low, probability), Math.max(high, probability), expected);
    }

    /** Posterior ability (logits) and its variance for one domain. */
    static double[] ability(Mastery m) {
        double priorPrecision = 1 / (PRIOR_SD * PRIOR_SD);
        if (m.weightSum() <= 0) {
            return new double[] {PRIOR_MEAN, 1 / priorPrecision};
        }
        double share = (m.rightSum() + 0.5) / (m.weightSum() + 1);
        double observed = logit(share) + difficultyLogit(m.meanDifficulty());
        double information = m.effectiveAnswers() * share * (1 - share);
        double precision = priorPrecision + information;
        double mean = (PRIOR_MEAN * priorPrecision + observed * information) / precision;
        return new double[] {mean, 1 / precision};
    }

    static double examDifficulty() {
        return EXAM_MIX[0] + 2 * EXAM_MIX[1] + 3 * EXAM_MIX[2];
    }

    static double difficultyLogit(double difficulty) {
        return (difficulty - 2) * LOGITS_PER_STEP;
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** Standard normal CDF (Zelen and Severo 26.2.17, error below 7.5e-8). */
    static double phi(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double tail = density
                * t
                * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - tail : tail;
    }
}
