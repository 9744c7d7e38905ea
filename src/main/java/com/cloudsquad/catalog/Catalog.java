package com.cloudsquad.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to certifications and their domains. Two small tables, read in full. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Certification> certifications() {
        Map<Long, List<ExamDomain>> domains = jdbc
                .sql("SELECT id, certification_id, position, name, weight_percent FROM exam_domain ORDER BY position")
                .query((rs, n) -> new ExamDomain(
                        rs.getLong("id"),
                        rs.getLong("certification_id"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getInt("weight_percent")))
                .stream()
                .collect(Collectors.groupingBy(ExamDomain::certificationId));
        return jdbc.sql("""
                        SELECT id, code, name, exam_questions, exam_minutes, passing_score,
                               readiness_questions, readiness_minutes
                        FROM certification ORDER BY code DESC""")
                .query((rs, n) -> new Certification(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("exam_questions"),
                        rs.getInt("exam_minutes"),
                        rs.getInt("passing_score"),
                        rs.getInt("readiness_questions"),
                        rs.getInt("readiness_minutes"),
                        domains.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Every certification by id, for lists that show many attempts or questions. */
    public Map<Long, Certification> certificationsById() {
        return certifications().stream()
                .collect(Collectors.toMap(Certification::id, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    public Optional<Certification> byCode(String code) {
        return certifications().stream()
                .filter(c -> c.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    public Optional<Certification> byId(long id) {
        return certifications().stream().filter(c -> c.id() == id).findFirst();
    }

    /** The certification that owns a domain. */
    public Optional<Certification> byDomain(long domainId) {
        return certifications().stream()
                .filter(c -> c.domain(domainId).isPresent())
                .findFirst();
    }
}
