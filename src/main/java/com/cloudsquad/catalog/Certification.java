package com.cloudsquad.catalog;

import java.util.List;
import java.util.Optional;

/** An AWS certification exam as Cloud Squad models it: the real exam's rules and our readiness test. */
public record Certification(
        long id,
        String code,
        String name,
        int examQuestions,
        int examMinutes,
        int passingScore,
        int readinessQuestions,
        int readinessMinutes,
        List<ExamDomain> domains) {

    public Certification {
        domains = List.copyOf(domains);
    }

    public Optional<ExamDomain> domainNamed(String name) {
        return domains.stream()
                .filter(d -> d.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    public Optional<ExamDomain> domain(long domainId) {
        return domains.stream().filter(d -> d.id() == domainId).findFirst();
    }
}
