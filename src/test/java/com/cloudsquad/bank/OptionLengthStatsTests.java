package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cloudsquad.bank.OptionLengthStats.Item;
import com.cloudsquad.bank.OptionLengthStats.Option;
import com.cloudsquad.bank.transfer.QuestionData;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionLengthStatsTests {

    /** Options by length; the keys are those marked with a *. */
    private static Item item(String exam, String... options) {
        return new Item(
                exam,
                java.util.Arrays.stream(options)
                        .map(o -> new Option(o.replace("*", "").length(), o.startsWith("*")))
                        .toList());
    }

    @Test
    void aBankWhoseKeysAreTheLongestOptionsIsFlagged() {
        OptionLengthStats stats = OptionLengthStats.of(List.of(
                item("SAA-C03", "*aaaaaaaaaa", "bbbb", "cccc", "dddd"), // longest is key, ratio 2.5
                item("SAA-C03", "*aaaaaaaa", "bbbb", "cccc", "dddd"), // longest is key, ratio 2
                item("SAA-C03", "*aaaa", "bbbb", "cccc", "dddd"), // four-way tie: 1/4
                item("SAA-C03", "*aa", "bbbb", "cccc", "dddd"))); // shorter: 0, ratio 0.5

        OptionLengthStats.Group single = stats.groups().get(0);
        assertThat(single.exam()).isEqualTo("SAA-C03");
        assertThat(single.multiple()).isFalse();
        assertThat(single.questions()).isEqualTo(4);
        assertThat(single.longestIsKey()).isCloseTo((1 + 1 + 0.25 + 0) / 4, within(1e-9));
        assertThat(single.chance()).isCloseTo(0.25, within(1e-9));
        assertThat(single.meanRatio()).isCloseTo((2.5 + 2 + 1 + 0.5) / 4, within(1e-9));
        assertThat(single.overOneAndHalf()).isEqualTo(2);
        assertThat(single.givesKeysAway()).isTrue();
        assertThat(stats.warnings()).containsExactly(single);
    }

    @Test
    void multipleResponseNeedsTheKLongestToBeExactlyTheKeysAndIsGroupedApart() {
        OptionLengthStats stats = OptionLengthStats.of(List.of(
                item("CLF-C02", "*aaaaaa", "*bbbbbb", "ccc", "ddd", "eee"), // the 2 longest are the keys
                item("CLF-C02", "*aaaaaa", "*bbb", "cccccc", "ddd", "eee"), // one key is not among them
                item("CLF-C02", "*aaa", "*bbb", "ccc", "ddd", "eee"), // all tied: 1 / C(5,2)
                item("CLF-C02", "*aaa", "bbb", "ccc", "ddd"))); // single answer, its own group

        OptionLengthStats.Group multiple = stats.groups().stream()
                .filter(OptionLengthStats.Group::multiple)
                .findFirst()
                .orElseThrow();
        assertThat(multiple.questions()).isEqualTo(3);
        assertThat(multiple.longestIsKey()).isCloseTo((1 + 0 + 0.1) / 3, within(1e-9));
        assertThat(multiple.chance()).isCloseTo(0.1, within(1e-9));
        assertThat(stats.groups()).hasSize(2);
    }

    @Test
    void aBankWithoutALengthPatternIsNotFlagged() {
        OptionLengthStats stats = OptionLengthStats.of(List.of(
                item("SAA-C03", "*aaaa", "bbbbbb", "cccc", "ddd"),
                item("SAA-C03", "aaaaa", "*bbbb", "ccccc", "dddd"),
                item("SAA-C03", "aaaa", "bbbbb", "*ccccc", "dddd"),
                item("SAA-C03", "aaaaaa", "bbbb", "cccc", "*dddd")));

        assertThat(stats.warnings()).isEmpty();
        assertThat(stats.groups().get(0).givesKeysAway()).isFalse();
    }

    @Test
    void parsedFilesAreMeasuredAsCandidatesReadThem() {
        QuestionData html = new QuestionData(
                        "SAA-C03",
                        "d",
                        null,
                        null,
                        "stem",
                        List.of(
                                new QuestionData.OptionData("<strong>abc</strong>", true, ""),
                                new QuestionData.OptionData("abcd", false, "")),
                        "",
                        List.of(),
                        1,
                        List.of(),
                        null)
                .withFormat(TextFormat.HTML);

        OptionLengthStats stats = OptionLengthStats.ofQuestions(List.of(html));

        assertThat(stats.groups().get(0).meanRatio()).isCloseTo(0.75, within(1e-9));
    }
}
