package com.cloudsquad.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exam day (issue 14), open model. {@code users} candidates log in over {@code ramp} seconds
 * (arrivals, not busy loops), wait, then all start a readiness test within {@code startWindow}
 * seconds; each then answers {@code questions} questions (all 30 by default) with a think time of
 * {@code thinkMin}–{@code thinkMax} seconds per question (autosave, then the next question card by
 * htmx as the page does), flags a few, opens the review, submits and opens the results. Meanwhile
 * a tenth as many candidates browse the dashboard and history, and an admin edits questions.
 *
 * <p>Step names are what the report groups by: "start" and "first question" (the synchronised
 * start), "question" and "autosave" (steady state), "results". Every save the app acknowledged
 * is remembered ({@link LoadRun#acknowledged}) and checked against the database after the run.
 */
public class ExamDaySimulation extends Simulation {

    static final LoadRun RUN = LoadRun.fromSystemProperties();

    /** The page's {@code _csrf_header} (Spring Security's cookie token repository's default). */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    final HttpProtocolBuilder protocol = http.baseUrl(RUN.baseUrl())
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptEncodingHeader("gzip")
            .userAgentHeader("cloudsquad-exam-day")
            .disableFollowRedirect()
            .shareConnections() // a browser per candidate is a connection per candidate: keep the box's fd count sane
            .header("X-Forwarded-For", "#{address}"); // each candidate is a client of its own

    /** Log in with the form and keep the page's CSRF token. */
    static ChainBuilder logIn() {
        return exec(http("login page")
                        .get("/login")
                        .transformResponse(counted("login page"))
                        .check(
                                status().is(200),
                                css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("login")
                        .post("/login")
                        .transformResponse(counted("login"))
                        .formParam("email", "#{email}")
                        .formParam("password", LoadRun.PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").not(session -> RUN.baseUrl() + "/login?error")));
    }

    static ChainBuilder keepCsrf(String name, String path) {
        return exec(http(name)
                .get(path)
                .transformResponse(counted(name))
                .check(status().is(200), css("meta[name=_csrf]", "content").saveAs("csrf")));
    }

    final ChainBuilder answerAll = repeat(session -> session.getInt("answering"), "i")
            .on(exec(session -> session.set("position", session.getInt("i") + 1))
                    .pause(RUN::think)
                    .exec(session ->
                            session.set("choice", pick(session.getList("choices"), session.getBoolean("multi"))))
                    .exec(session -> session.remove("saved"))
                    .exec(http("autosave")
                            .post("/attempts/#{attempt}/q/#{position}/answer")
                            .transformResponse(counted("autosave"))
                            .header("HX-Request", "true")
                            .header(CSRF_HEADER, "#{csrf}")
                            .multivaluedFormParam(
                                    "choice",
                                    session ->
                                            List.of(session.getString("choice").split(",")))
                            .check(status().is(200), substring("Saved").saveAs("saved")))
                    .exec(session -> {
                        // Only what the app acknowledged: a 200 with "Saved" in it.
                        if (session.contains("saved")) {
                            RUN.acknowledged(
                                    session.getLong("attempt"),
                                    session.getInt("position"),
                                    session.getString("choice"));
                        }
                        return session;
                    })
                    .doIf(session -> ThreadLocalRandom.current().nextInt(10) == 0)
                    .then(exec(http("flag")
                            .post("/attempts/#{attempt}/q/#{position}/flag")
                            .transformResponse(counted("flag"))
                            .header("HX-Request", "true")
                            .header(CSRF_HEADER, "#{csrf}")
                            .formParam("flagged", "true")
                            .check(status().is(200))))
                    .pause(Duration.ofSeconds(1), Duration.ofSeconds(3)) // from choosing to "Next"
                    .doIf(session -> session.getInt("position") < session.getInt("total"))
                    .then(exec(session -> session.set("next", session.getInt("position") + 1))
                            .exec(http("question")
                                    .get("/attempts/#{attempt}/q/#{next}")
                                    .transformResponse(counted("question"))
                                    .header("HX-Request", "true")
                                    .header("HX-Current-URL", RUN.baseUrl() + "/attempts/#{attempt}/q/#{position}")
                                    .check(status().is(200), choices(), multiple()))));

    /** A candidate's whole test, from logging in to the results. */
    final ChainBuilder takeTest = exec(logIn())
            .exec(keepCsrf("exams", "/exams"))
            .pause(RUN::untilStart)
            .exec(http("start")
                    .post("/exams/" + RUN.certification() + "/start")
                    .transformResponse(counted("start"))
                    .formParam("mode", "READINESS")
                    .formParam("_csrf", "#{csrf}")
                    .check(
                            status().is(302),
                            header("Location").saveAs("location"),
                            header("Location")
                                    .transform(location ->
                                            Long.parseLong(location.replaceAll(".*/attempts/(\\d+).*", "$1")))
                                    .saveAs("attempt")))
            .exec(session -> RUN.started(session))
            // the start's redirect, as a browser follows it: straight to the first question for a
            // fresh attempt, through the attempt's own address for a resumed one
            .doIf(session -> !session.getString("location").endsWith("/q/1"))
            .then(exec(http("open attempt")
                    .get("/attempts/#{attempt}")
                    .transformResponse(counted("open attempt"))
                    .check(status().is(302))))
            .exec(http("first question")
                    .get("/attempts/#{attempt}/q/1")
                    .transformResponse(counted("first question"))
                    .check(
                            status().is(200),
                            css("meta[name=_csrf]", "content").saveAs("csrf"),
                            regex("href=\"/attempts/\\d+/q/(\\d+)\"")
                                    .findAll()
                                    .transform(List::size)
                                    .saveAs("total"),
                            choices(),
                            multiple()))
            .exec(session -> session.set("answering", Math.min(RUN.questions(), session.getInt("total"))))
            .exec(answerAll)
            .pause(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .exec(http("review")
                    .get("/attempts/#{attempt}/review")
                    .transformResponse(counted("review"))
                    .check(status().is(200)))
            .pause(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .exec(http("submit")
                    .post("/attempts/#{attempt}/submit")
                    .transformResponse(counted("submit"))
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302)))
            .exec(http("results")
                    .get("/attempts/#{attempt}/results")
                    .transformResponse(counted("results"))
                    .check(status().is(200), substring("Score")));

    /** Exam day's candidates: they log in over the ramp and start together. */
    final ScenarioBuilder candidates =
            scenario("candidates").feed(RUN.candidateFeeder()).exec(takeTest);

    /**
     * The server has been up before exam day: a few candidates take a whole test without think
     * time first (reported as the group "warm-up"), so the JIT has compiled what the day runs.
     */
    final ScenarioBuilder warmUp = scenario("warm-up")
            .feed(RUN.warmUpFeeder())
            .exec(session -> session.set("warm", true))
            .group("warm-up")
            .on(takeTest);

    final ScenarioBuilder browsers = scenario("dashboard and history")
            .feed(RUN.browserFeeder())
            .exec(logIn())
            .exec(http("dashboard")
                    .get("/dashboard")
                    .transformResponse(counted("dashboard"))
                    .check(status().is(200)))
            .pause(Duration.ofSeconds(10), Duration.ofSeconds(30))
            .exec(http("history")
                    .get("/attempts")
                    .transformResponse(counted("history"))
                    .check(status().is(200)))
            .pause(Duration.ofSeconds(10), Duration.ofSeconds(30))
            .exec(http("dashboard")
                    .get("/dashboard")
                    .transformResponse(counted("dashboard"))
                    .check(status().is(200)));

    final ScenarioBuilder admin = scenario("admin")
            .exec(session -> session.set("email", LoadRun.ADMIN_EMAIL).set("address", "10.255.255.1"))
            .exec(logIn())
            .during(Duration.ofSeconds(RUN.soakSeconds() + RUN.examSeconds()))
            .on(exec(http("admin questions")
                            .get("/admin/questions")
                            .transformResponse(counted("admin questions"))
                            .check(
                                    status().is(200),
                                    regex("href=\"/admin/questions/(\\d+)\"")
                                            .findRandom()
                                            .saveAs("question")))
                    .pause(Duration.ofSeconds(10), Duration.ofSeconds(20))
                    .exec(http("admin question form")
                            .get("/admin/questions/#{question}")
                            .transformResponse(counted("admin question form"))
                            .check(status().is(200), form("#question-form").saveAs("form")))
                    .pause(Duration.ofSeconds(20), Duration.ofSeconds(40))
                    .exec(http("admin question save")
                            .post("/admin/questions/#{question}")
                            .transformResponse(counted("admin question save"))
                            .formParamMap(ExamDaySimulation::edited)
                            .asMultipartForm()
                            .check(status().is(302))));

    {
        int exam = RUN.soakSeconds() > 0 ? RUN.soakSeconds() + RUN.examSeconds() : RUN.examSeconds();
        setUp(warmUp.injectOpen(rampUsers(RUN.warmUps()).during(Duration.ofSeconds(30)))
                        .andThen(
                                RUN.soakSeconds() > 0
                                        ? candidates.injectOpen(constantUsersPerSec(RUN.soakArrivalsPerSecond())
                                                .during(Duration.ofSeconds(RUN.soakSeconds())))
                                        : candidates.injectOpen(
                                                rampUsers(RUN.users()).during(Duration.ofSeconds(RUN.rampSeconds()))),
                                browsers.injectOpen(
                                        // in the steady state: from 30 s after the last start is due
                                        nothingFor(
                                                Duration.ofSeconds(RUN.rampSeconds() + RUN.startWindowSeconds() + 30)),
                                        rampUsers(Math.max(1, RUN.users() / 10)).during(Duration.ofSeconds(exam))),
                                admin.injectOpen(nothingFor(Duration.ofSeconds(RUN.rampSeconds())), atOnceUsers(1))))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("start").responseTime().percentile(99.0).lte(2000),
                        details("question").responseTime().percentile(99.0).lte(100),
                        details("autosave").responseTime().percentile(99.0).lte(100),
                        details("results").responseTime().percentile(99.0).lte(200),
                        details("dashboard").responseTime().percentile(99.0).lte(200),
                        details("history").responseTime().percentile(99.0).lte(200),
                        details("admin questions")
                                .responseTime()
                                .percentile(99.0)
                                .lte(200));
    }

    /** Counts the answered request per step and second (for the report's per-window CPU figures). */
    static java.util.function.BiFunction<io.gatling.http.response.Response, Session, io.gatling.http.response.Response>
            counted(String step) {
        return (response, session) -> {
            RUN.answered(step, session);
            return response;
        };
    }

    @Override
    public void before() {
        RUN.prepare();
    }

    @Override
    public void after() {
        RUN.finish();
    }

    static io.gatling.javaapi.core.CheckBuilder choices() {
        return regex("name=\"choice\" id=\"option-\\d+\"\\s+value=\"(\\d+)\"")
                .findAll()
                .saveAs("choices");
    }

    static io.gatling.javaapi.core.CheckBuilder multiple() {
        return regex("type=\"(checkbox|radio)\" name=\"choice\"")
                .find()
                .transform(type -> type.equals("checkbox"))
                .saveAs("multi");
    }

    /** One option for a single answer, two for a multiple response; as the app stores it (sorted). */
    static String pick(List<Object> options, boolean multiple) {
        List<Integer> values = new ArrayList<>(
                options.stream().map(o -> Integer.parseInt(o.toString())).toList());
        java.util.Collections.shuffle(values, ThreadLocalRandom.current());
        List<Integer> chosen = new ArrayList<>(values.subList(0, multiple ? 2 : 1));
        chosen.sort(null);
        return String.join(",", chosen.stream().map(String::valueOf).toList());
    }

    /** The form as the page had it, with one edit an admin would make. */
    static Map<String, Object> edited(Session session) {
        Map<String, Object> form = new java.util.HashMap<>(session.getMap("form"));
        form.put("explanation", "Reviewed on exam day " + System.currentTimeMillis() + ".");
        return form;
    }
}
