package com.cloudsquad.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readiness estimate on simulated candidates of known ability: each answers 60–400 questions
 * (domains by weight, difficulties in the bank's mix, right with the Rasch probability), gets a
 * predicted chance, then sits a simulated 65-question exam. Within each band of predicted chance,
 * the share who passed must match the mean prediction within {@link #TOLERANCE}.
 */
class ReadinessCalibrationTests {

    static final int CANDIDATES = 20_000;
    static final double TOLERANCE = 0.08;
    static final int[] WEIGHTS = {30, 26, 24, 20};
    static final int EXAM_QUESTIONS = 65;

    @Test
    void predictedChancesMatchSimulatedPassRatesPerBand() {
        Random random = new Random(20261201L);
        int bands = 10;
        double[] predicted = new double[bands];
        int[] passed = new int[bands];
        int[] count = new int[bands];
        double brier = 0;
        for (int c = 0; c < CANDIDATES; c++) {
            double general = 0.85 + 0.9 * random.nextGaussian();
            double[] ability = new double[WEIGHTS.length];
            List<List<Mastery.Answer>> answers = new ArrayList<>();
            for (int d = 0; d < WEIGHTS.length; d++) {
                ability[d] = general + 0.4 * random.nextGaussian();
                answers.add(new ArrayList<>());
            }
            int n = 60 + random.nextInt(341);
            for (int i = 0; i < n; i++) {
                int d = pick(random, WEIGHTS);
                int difficulty = difficulty(random);
                answers.get(d).add(new Mastery.Answer(answerRight(random, ability[d], difficulty), difficulty));
            }
            List<Readiness.Domain> domains = new ArrayList<>();
            for (int d = 0; d < WEIGHTS.length; d++) {
                domains.add(new Readiness.Domain(WEIGHTS[d], Mastery.NONE.plus(answers.get(d))));
            }
            double p = Readiness.estimate(domains, EXAM_QUESTIONS).probability();
            boolean pass = sitTheExam(random, ability);
            int band = Math.min(bands - 1, (int) (p * bands));
            predicted[band] += p;
            count[band]++;
            passed[band] += pass ? 1 : 0;
            brier += (p - (pass ? 1 : 0)) * (p - (pass ? 1 : 0));
        }
        brier /= CANDIDATES;
        System.out.println("band       candidates  mean predicted  passed");
        for (int b = 0; b < bands; b++) {
            double mean = count[b] == 0 ? 0 : predicted[b] / count[b];
            double observed = count[b] == 0 ? 0 : (double) passed[b] / count[b];
            System.out.printf("%.1f–%.1f   %10d  %14.3f  %6.3f%n", b / 10.0, (b + 1) / 10.0, count[b], mean, observed);
        }
        System.out.printf("Brier score %.4f over %d candidates%n", brier, CANDIDATES);
        for (int b = 0; b < bands; b++) {
            if (count[b] >= 200) {
                double mean = predicted[b] / count[b];
                double observed = (double) passed[b] / count[b];
                assertThat(observed).as("band %d", b).isCloseTo(mean, org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
        // a constant guess of the overall pass rate scores about 0.25 here
        assertThat(brier).isLessThan(0.12);
    }

    static boolean sitTheExam(Random random, double[] ability) {
        int right = 0;
        int[] quota = {20, 17, 15, 13};
        for (int d = 0; d < quota.length; d++) {
            for (int i = 0; i < quota[d]; i++) {
                right += answerRight(random, ability[d], difficulty(random)) ? 1 : 0;
            }
        }
        return right >= Math.ceil(Readiness.PASS_SHARE * EXAM_QUESTIONS);
    }

    static boolean answerRight(Random random, double ability, int difficulty) {
        return random.nextDouble() < Readiness.logistic(ability - Readiness.difficultyLogit(difficulty));
    }

    static int difficulty(Random random) {
        double u = random.nextDouble();
        return u < 0.3 ? 1 : u < 0.8 ? 2 : 3;
    }

    static int pick(Random random, int[] weights) {
        int u = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
