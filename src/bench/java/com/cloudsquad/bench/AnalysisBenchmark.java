package com.cloudsquad.bench;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 11's speed goal: with the model answering after 5 s, the results page still answers with
 * p99 <= 50 ms at 16 connections, while reports are being written. 16 candidates submit a
 * readiness test each (16 reports pending on a model that takes 5 s), then wrk reads their results
 * pages and the report region. Needs wrk. Argument: [seconds, default 20].
 */
public class AnalysisBenchmark {

    static final int SESSIONS = 16;

    /** A chat model that takes 5 s per answer, as a slow Bedrock would. */
    @Configuration(proxyBeanMethods = false)
    static class SlowModel {
        @Bean
        ChatModel slowChatModel() {
            return new ChatModel() {
                @Override
                public ChatResponse call(Prompt prompt) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    String days = String.join(
                            ",",
                            java.util.stream.IntStream.rangeClosed(1, 7)
                                    .mapToObj(d -> "{\"day\":" + d + ",\"focus\":\"Focus " + d
                                            + "\",\"actions\":[\"Read one guide\"]}")
                                    .toList());
                    String json = "{\"summary\":\"Bench report.\",\"strengths\":[],\"weakAreas\":[],\"studyPlan\":["
                            + days + "],\"docsToRead\":[],\"readiness\":\"Keep going.\"}";
                    return new ChatResponse(
                            List.of(new Generation(new AssistantMessage(json))),
                            ChatResponseMetadata.builder()
                                    .usage(new DefaultUsage(1000, 500))
                                    .build());
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        CloudSquadApplication.class, SlowModel.class)
                .run(
                        "--app.embedded-db.dir=target/bench-analysis-db",
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--app.analysis.daily-reports-per-candidate=1000")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Path dir = Files.createDirectories(Path.of("target/bench-analysis"));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                WebSession candidate = new WebSession(port);
                candidate.register(WebSession.uniqueEmail("analysis"), "Analysis " + i);
                candidate.get("/exams");
                String attempt =
                        WebSession.attemptBase(candidate.post("/exams/SAA-C03/start", Map.of("mode", "READINESS")));
                candidate.get(attempt + "/q/1");
                candidate.post(attempt + "/submit", Map.of());
                if (candidate.get(attempt + "/results").statusCode() != 200) {
                    throw new IllegalStateException("No results page for " + attempt);
                }
                // the session and CSRF cookies, as the candidate's browser sends them
                lines.add(attempt + " " + candidate.cookieHeader());
            }
            Files.write(dir.resolve("sessions.txt"), lines);
            Files.writeString(dir.resolve("results.lua"), lua("s.attempt .. \"/results\""));
            Files.writeString(
                    dir.resolve("region.lua"),
                    lua("\"/analysis/attempts/\" .. s.attempt:match(\"(%d+)$\") .. \"/report\""));
            String base = "http://localhost:" + port;
            System.out.printf(
                    "wrk, 2 threads, 16 connections, %d s each; %d reports pending on a model that answers after 5 s%n%n",
                    seconds, SESSIONS);
            System.out.printf(
                    "%-34s %10s %10s %10s %8s %9s %9s %10s %6s%n",
                    "endpoint", "req/s", "p50", "p99", "non-2xx", "app ms/r", "db ms/r", "alloc KB/r", "load");
            WebBenchmark.wrk("GET results page (warm-up)", base, dir.resolve("results.lua"), 5, SESSIONS);
            WebBenchmark.wrk("GET results page", base, dir.resolve("results.lua"), seconds, SESSIONS);
            WebBenchmark.wrk("GET report region (htmx poll)", base, dir.resolve("region.lua"), seconds, SESSIONS);
            long pending = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM analysis_report WHERE status = 'PENDING'")
                    .query(Long.class)
                    .single();
            System.out.printf("%nreports still pending at the end: %d of %d%n", pending, SESSIONS);
        }
    }

    static String lua(String path) {
        return """
                local sessions = {}
                for line in io.lines("target/bench-analysis/sessions.txt") do
                  local attempt, cookie = line:match("(%%S+) (.+)")
                  table.insert(sessions, {cookie = cookie, attempt = attempt})
                end
                local n = 0
                request = function()
                  n = n + 1
                  local s = sessions[(n %% #sessions) + 1]
                  return wrk.format("GET", %s, {["Cookie"] = s.cookie})
                end
                """.formatted(path);
    }
}
