package com.cloudsquad.feedback;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.WebSession;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Candidates logged in over real HTTP, with or without a completed test behind them. */
final class FeedbackFixture {

    private final int port;
    private final JdbcClient jdbc;
    private final ExamDriver exam;

    FeedbackFixture(int port, JdbcClient jdbc, ExamDriver exam) {
        this.port = port;
        this.jdbc = jdbc;
        this.exam = exam;
    }

    /** A logged-in candidate and their account id. */
    record Candidate(WebSession web, long id) {}

    Candidate newcomer(String name) {
        return newcomer(name, WebSession.nextClientAddress());
    }

    Candidate newcomer(String name, String clientAddress) {
        WebSession web = new WebSession(port, clientAddress);
        String email = WebSession.uniqueEmail(name.toLowerCase(Locale.ROOT));
        web.register(email, name);
        long id = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email.toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single();
        return new Candidate(web, id);
    }

    /** A candidate who has completed a readiness test (half right). */
    Candidate tested(String name) {
        return tested(name, WebSession.nextClientAddress());
    }

    Candidate tested(String name, String clientAddress) {
        Candidate candidate = newcomer(name, clientAddress);
        exam.take(candidate.id(), AttemptMode.READINESS, p -> p % 2 == 0);
        return candidate;
    }

    ExamDriver exam() {
        return exam;
    }
}
