package com.cloudsquad.catalog;

import com.cloudsquad.platform.AdminAudit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.validation.Errors;

/** Saves an admin's certification edit in one transaction, or nothing. */
@Service
class CatalogAdmin {

    private final JdbcClient jdbc;
    private final AdminAudit audit;

    CatalogAdmin(JdbcClient jdbc, AdminAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Cross-field rules: weights add up to 100, domain names unique, code unique. */
    void validate(Long id, CertificationForm form, Errors errors) {
        if (form.getDomains().isEmpty()) {
            errors.rejectValue("domains", "domains.required", "An exam needs at least one domain.");
        } else if (form.weightTotal() != 100) {
            errors.rejectValue(
                    "domains",
                    "domains.weights",
                    "The domain weights add up to " + form.weightTotal() + "%, not 100%.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < form.getDomains().size(); i++) {
            String name = form.getDomains().get(i).getName();
            if (name != null && !name.isBlank() && !names.add(name.strip().toLowerCase(Locale.ROOT))) {
                errors.rejectValue("domains[" + i + "].name", "domain.duplicate", "Two domains have this name.");
            }
        }
        if (form.getCode() != null) {
            long sameCode = jdbc.sql("SELECT COUNT(*) FROM certification WHERE code = ? AND id <> ?")
                    .params(form.getCode(), id == null ? -1 : id)
                    .query(Long.class)
                    .single();
            if (sameCode > 0) {
                errors.rejectValue("code", "code.taken", "Another certification has this code.");
            }
        }
    }

    @Transactional
    Long save(Long id, CertificationForm form, Errors errors) {
        long certificationId = id == null ? insert(form) : update(id, form);
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < form.getDomains().size(); i++) {
            CertificationForm.DomainForm domain = form.getDomains().get(i);
            if (domain.getId() == null) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql(
                                "INSERT INTO exam_domain (certification_id, position, name, weight_percent) VALUES (?, ?, ?, ?)")
                        .params(certificationId, i + 1, domain.getName().strip(), domain.getWeightPercent())
                        .update(key, "id");
                kept.add(key.getKey().longValue());
            } else {
                jdbc.sql("""
                                UPDATE exam_domain SET position = ?, name = ?, weight_percent = ?
                                WHERE id = ? AND certification_id = ?""")
                        .params(
                                i + 1,
                                domain.getName().strip(),
                                domain.getWeightPercent(),
                                domain.getId(),
                                certificationId)
                        .update();
                kept.add(domain.getId());
            }
        }
        try {
            jdbc.sql("DELETE FROM exam_domain WHERE certification_id = :id AND id NOT IN (:kept)")
                    .param("id", certificationId)
                    .param("kept", kept)
                    .update();
        } catch (DataIntegrityViolationException domainHasQuestions) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            errors.rejectValue(
                    "domains",
                    "domain.inUse",
                    "A removed domain still has questions: move them to another domain first.");
            return null;
        }
        audit.record(
                id == null ? "certification.create" : "certification.update",
                "certification " + certificationId + " (" + form.getCode() + ")",
                form.getDomains().size() + " domains; readiness test and exam settings saved.");
        return certificationId;
    }

    private long insert(CertificationForm form) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO certification (code, name, exam_questions, exam_minutes, passing_score,
                                                   readiness_questions, readiness_minutes)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        form.getCode(),
                        form.getName().strip(),
                        form.getExamQuestions(),
                        form.getExamMinutes(),
                        form.getPassingScore(),
                        form.getReadinessQuestions(),
                        form.getReadinessMinutes())
                .update(key, "id");
        return key.getKey().longValue();
    }

    private long update(long id, CertificationForm form) {
        jdbc.sql("""
                        UPDATE certification SET code = ?, name = ?, exam_questions = ?, exam_minutes = ?, passing_score = ?,
                               readiness_questions = ?, readiness_minutes = ?
                        WHERE id = ?""")
                .params(
                        form.getCode(),
                        form.getName().strip(),
                        form.getExamQuestions(),
                        form.getExamMinutes(),
                        form.getPassingScore(),
                        form.getReadinessQuestions(),
                        form.getReadinessMinutes(),
                        id)
                .update();
        return id;
    }
}
