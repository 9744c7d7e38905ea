package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.QuestionData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Whether a bank gives its keys away by length: a test-wise candidate who picks the longest
 * option(s) should do no better than chance. Per exam and per single/multiple response: the share
 * of questions whose k longest options are exactly the k keys, the chance of that (1 / C(n, k)),
 * and the mean ratio of key length to distractor length.
 *
 * <p>Ties are fair: when options of equal length straddle the k-th place, the question counts by
 * the probability that a random pick among them gives the key. Call {@link #of(Collection)} on
 * the bank's questions or {@link #ofQuestions(List)} on a parsed file (the seed bank's test).
 */
public record OptionLengthStats(List<Group> groups) {

    /** Longest-is-key may exceed chance by at most this share (10 points)… */
    public static final double MAX_EXCESS = 0.10;
    /** …and keys may be at most this much longer than distractors on average. */
    public static final double MAX_RATIO = 1.15;

    public OptionLengthStats {
        groups = List.copyOf(groups);
    }

    /** One question: its exam and each option's length and whether it is a key. */
    public record Item(String exam, List<Option> options) {
        public Item {
            options = List.copyOf(options);
        }

        long keys() {
            return options.stream().filter(Option::correct).count();
        }
    }

    public record Option(int length, boolean correct) {}

    /**
     * @param longestIsKey share of questions whose k longest options are exactly the keys (0–1)
     * @param chance the share a random pick of k options would give (0–1)
     * @param meanRatio mean over questions of mean key length / mean distractor length
     * @param overOneAndHalf questions whose ratio is above 1.5
     */
    public record Group(
            String exam,
            boolean multiple,
            int questions,
            double longestIsKey,
            double chance,
            double meanRatio,
            int overOneAndHalf) {

        /** Over the thresholds: the length of the options tells the key. */
        public boolean givesKeysAway() {
            return longestIsKey - chance > MAX_EXCESS || meanRatio > MAX_RATIO;
        }

        public String kind() {
            return multiple ? "multiple response" : "single answer";
        }

        public long longestIsKeyPercent() {
            return Math.round(longestIsKey * 100);
        }

        public long chancePercent() {
            return Math.round(chance * 100);
        }

        public String ratio() {
            return String.format(java.util.Locale.ROOT, "%.2f", meanRatio);
        }
    }

    public List<Group> warnings() {
        return groups.stream().filter(Group::givesKeysAway).toList();
    }

    public static OptionLengthStats of(Collection<Item> items) {
        Map<String, List<Item>> byGroup = new LinkedHashMap<>();
        items.stream()
                .filter(i -> i.keys() > 0 && i.keys() < i.options().size())
                .sorted(Comparator.comparing(Item::exam))
                .forEach(i -> byGroup.computeIfAbsent(i.exam() + "\u0000" + (i.keys() > 1), k -> new ArrayList<>())
                        .add(i));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, list) -> {
            double hits = 0;
            double chance = 0;
            double ratios = 0;
            int ratioCount = 0;
            int over = 0;
            for (Item item : list) {
                hits += longestAreKeys(item);
                chance += 1.0 / binomial(item.options().size(), (int) item.keys());
                double ratio = ratio(item);
                if (!Double.isNaN(ratio)) {
                    ratios += ratio;
                    ratioCount++;
                    if (ratio > 1.5) {
                        over++;
                    }
                }
            }
            Item first = list.get(0);
            groups.add(new Group(
                    first.exam(),
                    first.keys() > 1,
                    list.size(),
                    hits / list.size(),
                    chance / list.size(),
                    ratioCount == 0 ? 1.0 : ratios / ratioCount,
                    over));
        });
        return new OptionLengthStats(groups);
    }

    /** From a parsed file (e.g. the seed bank), exam = certification; lengths as shown. */
    public static OptionLengthStats ofQuestions(List<QuestionData> questions) {
        return of(questions.stream()
                .map(q -> new Item(
                        q.certification() == null ? "?" : q.certification(),
                        q.options().stream()
                                .map(o -> new Option(visibleLength(o.text(), q.format()), o.correct()))
                                .toList()))
                .toList());
    }

    /** Characters a candidate reads: HTML without its tags, other formats as written. */
    public static int visibleLength(String text, TextFormat format) {
        if (text == null) {
            return 0;
        }
        return format == TextFormat.HTML
                ? Jsoup.parseBodyFragment(text).text().length()
                : text.strip().length();
    }

    /**
     * The probability that picking the k longest options (ties broken at random) gives exactly
     * the keys: all options longer than the k-th must be keys, and the keys left must all be among
     * the options as long as the k-th.
     */
    static double longestAreKeys(Item item) {
        int k = (int) item.keys();
        List<Option> sorted = item.options().stream()
                .sorted(Comparator.comparingInt(Option::length).reversed())
                .toList();
        int boundary = sorted.get(k - 1).length();
        int longer = 0;
        int tied = 0;
        int tiedKeys = 0;
        for (Option o : sorted) {
            if (o.length() > boundary) {
                if (!o.correct()) {
                    return 0;
                }
                longer++;
            } else if (o.length() == boundary) {
                tied++;
                if (o.correct()) {
                    tiedKeys++;
                }
            }
        }
        int needed = k - longer;
        if (tiedKeys != needed) {
            return 0; // a key is shorter than the k-th longest option
        }
        return 1.0 / binomial(tied, needed);
    }

    static double ratio(Item item) {
        double keys = 0;
        double distractors = 0;
        int keyCount = 0;
        int distractorCount = 0;
        for (Option o : item.options()) {
            if (o.correct()) {
                keys += o.length();
                keyCount++;
            } else {
                distractors += o.length();
                distractorCount++;
            }
        }
        if (distractors == 0) {
            return Double.NaN;
        }
        return (keys / keyCount) / (distractors / distractorCount);
    }

    static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
