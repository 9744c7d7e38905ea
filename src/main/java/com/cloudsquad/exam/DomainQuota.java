package com.cloudsquad.exam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many questions each domain gets: in proportion to the official weights, rounded by the
 * largest-remainder method so the counts always add up to the total.
 */
final class DomainQuota {

    private DomainQuota() {}

    /** @param weights domain id → weight percent, in the exam's domain order */
    static Map<Long, Integer> allocate(Map<Long, Integer> weights, int total) {
        int weightSum = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        List<Map.Entry<Long, Double>> remainders = new ArrayList<>();
        int allocated = 0;
        for (Map.Entry<Long, Integer> weight : weights.entrySet()) {
            double exact = (double) total * weight.getValue() / weightSum;
            int whole = (int) Math.floor(exact);
            counts.put(weight.getKey(), whole);
            allocated += whole;
            remainders.add(Map.entry(weight.getKey(), exact - whole));
        }
        // Stable on ties: the earlier (usually heavier) domain wins.
        remainders.sort(Comparator.comparing(Map.Entry<Long, Double>::getValue).reversed());
        for (int i = 0; allocated < total; i++, allocated++) {
            Long domain = remainders.get(i % remainders.size()).getKey();
            counts.merge(domain, 1, Integer::sum);
        }
        return counts;
    }
}
