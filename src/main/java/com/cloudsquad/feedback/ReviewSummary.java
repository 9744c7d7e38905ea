package com.cloudsquad.feedback;

import java.util.List;

/**
 * The visible reviews in numbers: how many, their average and how many gave each star (index 0 is
 * one star). Read from five maintained rows, so it costs the same for ten reviews or a million.
 */
public record ReviewSummary(long count, List<Long> perStar) {

    /** The average star rating, 0 when there is no review. */
    public double average() {
        if (count == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < perStar.size(); i++) {
            sum += (i + 1) * perStar.get(i);
        }
        return (double) sum / count;
    }

    /** The average with one decimal, as pages show it ("4.3"). */
    public String averageText() {
        return String.format(java.util.Locale.ROOT, "%.1f", average());
    }

    /** The share of reviews with {@code stars} stars, in whole percent. */
    public int percent(int stars) {
        return count == 0 ? 0 : (int) Math.round(100.0 * perStar.get(stars - 1) / count);
    }

    public long reviews(int stars) {
        return perStar.get(stars - 1);
    }
}
