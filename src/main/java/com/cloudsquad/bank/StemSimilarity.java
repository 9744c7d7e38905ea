package com.cloudsquad.bank;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two question stems are: lower-cased words without punctuation as overlapping
 * three-word shingles, compared by Jaccard. The seed bank's duplicate check and the AI drafts'
 * near-duplicate flag use this one measure.
 */
public final class StemSimilarity {

    /** From here on a draft is flagged as close to an existing question. */
    public static final double CLOSE = 0.5;

    private StemSimilarity() {}

    public static Set<String> shingles(String text) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 ]", " ")
                        .split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + 3)));
        }
        if (words.size() < 3) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return union.isEmpty() ? 0 : (double) common.size() / union.size();
    }
}
