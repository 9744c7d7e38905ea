package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.bank.QuestionStatus;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A certification of its own per test (so tests never meet each other's attempts or questions):
 * four domains weighted 40/30/20/10, a readiness test of 10 questions in 2 minutes, a mock of 20
 * in 5, and a bank of published questions (every third one multiple response).
 */
final class ExamFixture {

    final Certification certification;
    final List<Long> questionIds = new ArrayList<>();

    private ExamFixture(Certification certification) {
        this.certification = certification;
    }

    static ExamFixture create(JdbcClient jdbc, Catalog catalog, QuestionBank bank, int questionsPerDomain) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("""
                        INSERT INTO certification (code, name, exam_questions, exam_minutes, passing_score,
                                                   readiness_questions, readiness_minutes)
                        VALUES (?, ?, 20, 5, 720, 10, 2)""").params(code, "Test certification " + code).update();
        long certificationId = jdbc.sql("SELECT id FROM certification WHERE code = ?")
                .param(code)
                .query(Long.class)
                .single();
        int[] weights = {40, 30, 20, 10};
        for (int i = 0; i < weights.length; i++) {
            jdbc.sql("INSERT INTO exam_domain (certification_id, position, name, weight_percent) VALUES (?, ?, ?, ?)")
                    .params(certificationId, i + 1, "Domain " + (i + 1), weights[i])
                    .update();
        }
        ExamFixture fixture = new ExamFixture(catalog.byCode(code).orElseThrow());
        int n = 0;
        for (var domain : fixture.certification.domains()) {
            for (int i = 0; i < questionsPerDomain; i++) {
                n++;
                fixture.questionIds.add(
                        bank.save(null, question(domain.id(), n, code), QuestionStatus.PUBLISHED, null, "fixture"));
            }
        }
        return fixture;
    }

    static QuestionContent question(long domainId, int n, String code) {
        boolean multiple = n % 3 == 0;
        List<QuestionContent.Option> options = multiple
                ? List.of(
                        new QuestionContent.Option("Right one " + n, true, "Right because one."),
                        new QuestionContent.Option("Wrong one " + n, false, "Wrong because one."),
                        new QuestionContent.Option("Right two " + n, true, "Right because two."),
                        new QuestionContent.Option("Wrong two " + n, false, "Wrong because two."),
                        new QuestionContent.Option("Wrong three " + n, false, "Wrong because three."))
                : List.of(
                        new QuestionContent.Option("Right answer " + n, true, "Right because."),
                        new QuestionContent.Option("Wrong A " + n, false, "Wrong A because."),
                        new QuestionContent.Option("Wrong B " + n, false, "Wrong B because."),
                        new QuestionContent.Option("Wrong C " + n, false, "Wrong C because."));
        return new QuestionContent(
                domainId,
                1 + n % 3,
                null,
                "Question " + n + " of " + code + ": which is right?" + (multiple ? " (Choose two.)" : ""),
                options,
                "General explanation " + n + ".",
                List.of("https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html"),
                List.of("test"));
    }

    static long account(JdbcClient jdbc, String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.test";
        jdbc.sql("""
                        INSERT INTO account (email, email_key, display_name, password_hash, created_at)
                        VALUES (?, ?, ?, 'x', ?)""")
                .params(email, email, prefix, Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
