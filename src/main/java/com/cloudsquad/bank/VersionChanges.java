package com.cloudsquad.bank;

import com.cloudsquad.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * One version in the history page, with what changed since the version before it. Public for
 * feedback's report queue, which shows what changed between the version reported and the current one.
 */
public record VersionChanges(QuestionVersion version, String domainName, List<String> changes, String stemHtml) {

    static VersionChanges between(QuestionVersion before, QuestionVersion after, Catalog catalog, QuestionText text) {
        String stemHtml = text.html(after.content().stem(), after.content().format());
        String domain = catalog.byDomain(after.content().domainId())
                .flatMap(c -> c.domain(after.content().domainId()))
                .map(d -> d.name())
                .orElse("?");
        return new VersionChanges(after, domain, changes(before, after, domain), stemHtml);
    }

    /**
     * What changed from {@code before} to {@code after}, one sentence per change.
     *
     * @param domainName the new domain's name, for the sentence about a domain change; may be null
     */
    public static List<String> changes(QuestionVersion before, QuestionVersion after, String domainName) {
        String domain = domainName;
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("First version");
            return changes;
        }
        QuestionContent a = before.content();
        QuestionContent b = after.content();
        if (a.domainId() != b.domainId()) {
            changes.add(domain == null ? "Domain changed" : "Domain changed to " + domain);
        }
        if (a.difficulty() != b.difficulty()) {
            changes.add("Difficulty " + a.difficulty() + " → " + b.difficulty());
        }
        if (a.format() != b.format()) {
            changes.add("Text format " + a.format().label() + " → " + b.format().label());
        }
        if (!a.stem().equals(b.stem())) {
            changes.add("Question text changed");
        }
        int common = Math.min(a.options().size(), b.options().size());
        for (int i = 0; i < common; i++) {
            QuestionContent.Option x = a.options().get(i);
            QuestionContent.Option y = b.options().get(i);
            String letter = QuestionRules.letter(i);
            if (!x.text().equals(y.text())) {
                changes.add("Option " + letter + " text changed");
            }
            if (x.correct() != y.correct()) {
                changes.add("Option " + letter + (y.correct() ? " is now correct" : " is no longer correct"));
            }
            if (!x.explanation().equals(y.explanation())) {
                changes.add("Option " + letter + " explanation changed");
            }
        }
        for (int i = common; i < b.options().size(); i++) {
            changes.add("Option " + QuestionRules.letter(i) + " added");
        }
        for (int i = common; i < a.options().size(); i++) {
            changes.add("Option " + QuestionRules.letter(i) + " removed");
        }
        if (!a.explanation().equals(b.explanation())) {
            changes.add("Explanation changed");
        }
        if (!a.references().equals(b.references())) {
            changes.add("References changed");
        }
        if (!java.util.Objects.equals(a.imageKey(), b.imageKey())) {
            changes.add(
                    b.imageKey() == null ? "Image removed" : a.imageKey() == null ? "Image added" : "Image replaced");
        }
        if (!a.tags().equals(b.tags())) {
            changes.add("Tags changed");
        }
        if (changes.isEmpty()) {
            changes.add("No change in content");
        }
        return changes;
    }
}
