package com.cloudsquad.bench;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.WebSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 5's web figures under wrk: 64 connections on 64 logged-in candidates, each in its own
 * readiness test. In one run: the trivial endpoint (liveness), the question page, the autosave
 * POST. Needs wrk on the PATH (apt-get install wrk). Arguments: [seconds per endpoint, default 20]
 * [trivial|question|answer|home: that endpoint only, e.g. to profile it].
 */
public class WebBenchmark {

    static final int SESSIONS = 64;
    static double lastCpuPerRequest;
    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run("--app.embedded-db.dir=target/bench-web-db", "--server.port=0", "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Path dir = Files.createDirectories(Path.of("target/bench-web"));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                WebSession candidate = new WebSession(port);
                candidate.register(WebSession.uniqueEmail("wrk"), "Wrk " + i);
                candidate.get("/exams");
                HttpResponse<String> started = candidate.post("/exams/SAA-C03/start", Map.of("mode", "READINESS"));
                String attempt = WebSession.attemptBase(started);
                HttpResponse<String> page = candidate.get(attempt + "/q/1");
                Matcher token = CSRF.matcher(page.body());
                Matcher header = CSRF_HEADER.matcher(page.body());
                if (page.statusCode() != 200 || !token.find() || !header.find()) {
                    throw new IllegalStateException("No question page for " + attempt + ": " + page.statusCode());
                }
                // as the page's htmx sends it: the session and CSRF cookies, the token in the page's header
                lines.add(String.join("\t", candidate.cookieHeader(), attempt, token.group(1), header.group(1)));
            }
            Files.write(dir.resolve("sessions.txt"), lines);
            Files.writeString(dir.resolve("question.lua"), lua(false));
            Files.writeString(dir.resolve("answer.lua"), lua(true));
            Files.writeString(dir.resolve("home.lua"), lua(false).replace("s.attempt .. \"/q/\" .. position", "\"/\""));
            String base = "http://localhost:" + port;
            if (args.length > 1) {
                // Profiling aid: one endpoint only, for as long as asked (e.g. "question" under JFR).
                Path script = args[1].equals("trivial") ? null : dir.resolve(args[1] + ".lua");
                String url = script == null ? base + "/actuator/health/liveness" : base;
                System.out.printf(
                        "%-34s %10s %10s %10s %8s %9s %9s %10s %6s%n",
                        "endpoint", "req/s", "p50", "p99", "non-2xx", "app ms/r", "db ms/r", "alloc KB/r", "load");
                wrk(args[1], url, script, seconds, 64);
                return;
            }
            // Steady state, not JIT warm-up: every endpoint runs unmeasured first (C2 compiling on
            // these 2 CPUs otherwise competes with the load for the first minute or so).
            for (int round = 0; round < 2; round++) {
                for (String script : List.of("question", "answer", "home")) {
                    run(List.of(
                            "wrk",
                            "-t2",
                            "-c64",
                            "-d10s",
                            "-s",
                            dir.resolve(script + ".lua").toString(),
                            base));
                }
                run(List.of("wrk", "-t2", "-c64", "-d5s", base + "/actuator/health/liveness"));
            }
            System.out.printf(
                    "wrk, 2 threads, 64 connections, %d s each, %d logged-in sessions, after a 70 s warm-up%n%n",
                    seconds, SESSIONS);
            System.out.printf(
                    "%-34s %10s %10s %10s %8s %9s %9s %10s %6s%n",
                    "endpoint", "req/s", "p50", "p99", "non-2xx", "app ms/r", "db ms/r", "alloc KB/r", "load");
            double trivial =
                    wrk("GET /actuator/health/liveness", base + "/actuator/health/liveness", null, seconds, 64);
            double trivialCpu = lastCpuPerRequest;
            wrk("GET liveness with a session cookie", base, dir.resolve("livecookie.lua"), seconds, 64);
            double question = wrk("GET question page", base, dir.resolve("question.lua"), seconds, 64);
            double questionCpu = lastCpuPerRequest;
            wrk("POST autosave (htmx)", base, dir.resolve("answer.lua"), seconds, 64);
            wrk("GET / (home, logged in)", base, dir.resolve("home.lua"), seconds, 64);
            System.out.println("\nthe same with 16 connections (issue 5's second figure):");
            wrk("GET /actuator/health/liveness", base + "/actuator/health/liveness", null, seconds, 16);
            wrk("GET question page", base, dir.resolve("question.lua"), seconds, 16);
            wrk("POST autosave (htmx)", base, dir.resolve("answer.lua"), seconds, 16);
            System.out.printf(
                    "%nquestion page at %.0f %% of the trivial endpoint's throughput (goal ≥ 40 %%)%n",
                    100 * question / trivial);
            System.out.printf(
                    "by CPU per request (app + db, steadier on a shared machine): %.0f %%%n",
                    100 * trivialCpu / questionCpu);
        }
    }

    static String lua(boolean answer) {
        return """
                local sessions = {}
                for line in io.lines("target/bench-web/sessions.txt") do
                  local cookie, attempt, csrf, header = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)")
                  table.insert(sessions, {cookie = cookie, attempt = attempt, csrf = csrf, header = header})
                end
                local n = 0
                request = function()
                  n = n + 1
                  local s = sessions[(n %% #sessions) + 1]
                  local position = (n %% 30) + 1
                  local headers = {["Cookie"] = s.cookie}
                  %s
                end
                """.formatted(answer ? """
                  headers["Content-Type"] = "application/x-www-form-urlencoded"
                  headers["HX-Request"] = "true"
                  headers[s.header] = s.csrf
                  return wrk.format("POST", s.attempt .. "/q/" .. position .. "/answer", headers, "choice=" .. (n % 4))""" : """
                  return wrk.format("GET", s.attempt .. "/q/" .. position, headers)""");
    }

    /** Runs wrk and prints req/s, p50, p99; returns req/s. */
    static double wrk(String label, String url, Path script, int seconds, int connections)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        // A short unmeasured run first: connections open, caches and pools settled.
        List<String> warmup = new ArrayList<>(command);
        warmup.set(3, "-d3s");
        run(warmup);
        long appCpu0 = appCpuNanos();
        long dbCpu0 = dbCpuNanos();
        long allocated0 = allocatedBytes();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        double appCpu = (appCpuNanos() - appCpu0) / 1e6;
        double dbCpu = (dbCpuNanos() - dbCpu0) / 1e6;
        double allocatedKb = (allocatedBytes() - allocated0) / 1024.0;
        double requests = number(out, "(\\d+) requests in");
        lastCpuPerRequest = (appCpu + dbCpu) / requests;
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        String p50 = text(out, "\\s50%\\s+(\\S+)");
        String p99 = text(out, "\\s99%\\s+(\\S+)");
        String non2xx = text(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        System.out.printf(
                "%-34s %10.0f %10s %10s %8s %9.2f %9.2f %10.0f %6s%n",
                label,
                rps,
                p50,
                p99,
                non2xx.isEmpty() ? "0" : non2xx,
                appCpu / requests,
                dbCpu / requests,
                allocatedKb / requests,
                loadAverage());
        return rps;
    }

    /**
     * CPU per request is steadier than req/s on a shared machine (the same run's figures moved by
     * half between minutes here): the app's own CPU time (this JVM serves the app)...
     */
    static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Bytes the app's threads allocated (live threads; Tomcat keeps its request threads). Unlike
     * CPU time it hardly moves with the load other processes put on the machine, so it compares
     * two versions of a page measured at different times.
     */
    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /**
     * The machine's 1-minute load average when a row was measured (Linux; blank elsewhere): on a
     * shared machine a latency figure means little without it.
     */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** ... and the embedded MariaDB's, from /proc (Linux; 0 elsewhere). */
    static long dbCpuNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
                .mapToLong(p -> {
                    try {
                        String line = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                        String[] stat =
                                line.substring(line.lastIndexOf(')') + 2).split(" ");
                        // utime and stime (fields 14 and 15 of the line; 12 and 13 after the name), 10 ms ticks
                        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10_000_000L;
                    } catch (IOException | RuntimeException e) {
                        return 0;
                    }
                })
                .sum();
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    static double number(String text, String regex) {
        String value = text(text, regex);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    static String text(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
