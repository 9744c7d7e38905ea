package com.cloudsquad.exam;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question of an attempt: the version shown, the option order (original positions in
 * display order), the choice (original positions), and whether it was checked (learning modes).
 */
public record AttemptQuestion(
        int position,
        long questionId,
        long versionId,
        long domainId,
        List<Integer> optionOrder,
        Set<Integer> selected,
        boolean flagged,
        boolean checked,
        Boolean correct) {

    public boolean answered() {
        return !selected.isEmpty();
    }

    static List<Integer> parseList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
    }

    static String join(Collection<Integer> values) {
        return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
