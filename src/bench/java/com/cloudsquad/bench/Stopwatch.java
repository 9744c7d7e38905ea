package com.cloudsquad.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Runs an action repeatedly and prints percentiles: the figures quoted in notes. */
final class Stopwatch {

    private Stopwatch() {}

    static double[] measure(String label, int warmup, int runs, Callable<?> action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "%-48s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (n=%d)%n",
                label, millis[runs / 2], millis[(int) (runs * 0.95)], millis[runs - 1], runs);
        return millis;
    }
}
