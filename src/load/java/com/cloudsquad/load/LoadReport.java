package com.cloudsquad.load;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Markdown report of one exam-day run (report.md in the run's folder): per step the requests,
 * errors, p50/p95/p99 (Gatling's figures) against the thresholds and the app's CPU ms per request
 * (its {@code cloudsquad.http.server.cpu} metric, per route); per window (the synchronised start,
 * the steady state, the whole run) the CPU of the app, the database and the load generator per
 * second and per request; heap after GC (the app's GC log) and RSS; and whether every acknowledged
 * save was in the database. Exits 1 when a threshold did not hold.
 */
public final class LoadReport {

    record Step(String name, String method, String uri, Integer thresholdMs) {}

    static final List<Step> STEPS = List.of(
            new Step("login page", "GET", "/login", null),
            new Step("login", "POST", "UNMATCHED", null),
            new Step("exams", "GET", "/exams", null),
            new Step("start", "POST", "/exams/{code}/start", 2000),
            new Step("open attempt", "GET", "/attempts/{id}", null),
            new Step("first question", "GET", "/attempts/{id}/q/{position}", null),
            new Step("question", "GET", "/attempts/{id}/q/{position}", 100),
            new Step("autosave", "POST", "/attempts/{id}/q/{position}/answer", 100),
            new Step("flag", "POST", "/attempts/{id}/q/{position}/flag", null),
            new Step("review", "GET", "/attempts/{id}/review", null),
            new Step("submit", "POST", "/attempts/{id}/submit", null),
            new Step("results", "GET", "/attempts/{id}/results", 200),
            new Step("dashboard", "GET", "/dashboard", 200),
            new Step("history", "GET", "/attempts", 200),
            new Step("admin questions", "GET", "/admin/questions", 200),
            new Step("admin question form", "GET", "/admin/questions/{id}", null),
            new Step("admin question save", "POST", "/admin/questions/{id}", null));

    private static final Pattern GC_AFTER = Pattern.compile("^\\[([0-9.]+)s\\].*Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** The full collections run.sh asks for (jcmd GC.class_histogram): the heap after one is the live set. */
    private static final Pattern LIVE_SET = Pattern.compile(
            "^\\[([0-9.]+)s\\].*Pause Full \\(Heap Inspection Initiated GC\\) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        String base = args.length > 2 ? args[2] : "http://localhost:8080";
        Properties facts = new Properties();
        try (var reader = Files.newBufferedReader(run.resolve("facts.properties"))) {
            facts.load(reader);
        }
        JsonNode stats = gatlingStats(run);
        Map<String, double[]> cpu = appCpuPerRoute(base);
        Path warm = run.resolve("cpu-after-warm-up.properties");
        if (Files.exists(warm)) {
            Properties before = new Properties();
            try (var reader = Files.newBufferedReader(warm)) {
                before.load(reader);
            }
            before.forEach((route, value) -> {
                String[] figures = value.toString().split(",");
                double[] now = cpu.get(route.toString());
                if (now != null) {
                    now[0] -= Double.parseDouble(figures[0]);
                    now[1] -= Double.parseDouble(figures[1]);
                }
            });
        }
        List<long[]> samples = samples(run);
        Map<Integer, Map<String, Long>> requests = requests(run);
        List<String> failures = new ArrayList<>();
        StringBuilder md = new StringBuilder();

        long began = Long.parseLong(facts.getProperty("began"));
        long startAt = Long.parseLong(facts.getProperty("startAt"));
        long lastStarted = Long.parseLong(facts.getProperty("lastStartedAt"));
        int soak = Integer.parseInt(facts.getProperty("soakSeconds", "0"));
        if (soak > 0) {
            md.append(String.format(
                    "# Soak: about %s candidates at once for %d minutes%n%n"
                            + "Candidates arrive at a steady rate for %d s (%s in all), each starting a readiness"
                            + " test as soon as logged in and answering %s questions, think time %s–%s s; a tenth"
                            + " as many browse the dashboard and history, an admin edits questions. Machine: %d"
                            + " CPUs; app, MariaDB and Gatling on it together. Started: %s.%n%n",
                    facts.getProperty("users"),
                    soak / 60,
                    soak,
                    facts.getProperty("started"),
                    facts.getProperty("questions"),
                    facts.getProperty("thinkMin", "20"),
                    facts.getProperty("thinkMax", "60"),
                    Runtime.getRuntime().availableProcessors(),
                    java.time.Instant.ofEpochMilli(began)));
        } else {
            md.append("# Exam day: ")
                    .append(facts.getProperty("users"))
                    .append(" candidates\n\n")
                    .append(String.format(
                            "%s candidates (plus a tenth browsing the dashboard and history, and an admin editing"
                                    + " questions), log-ins over %s s, all starting within %s s, %s questions each,"
                                    + " think time %s–%s s. Machine: %d CPUs; app, MariaDB and Gatling on it together."
                                    + " Started: %s.%n%n",
                            facts.getProperty("users"),
                            facts.getProperty("rampSeconds"),
                            facts.getProperty("startWindowSeconds"),
                            facts.getProperty("questions"),
                            facts.getProperty("thinkMin", "20"),
                            facts.getProperty("thinkMax", "60"),
                            Runtime.getRuntime().availableProcessors(),
                            java.time.Instant.ofEpochMilli(began)));
        }
        if (!"0".equals(facts.getProperty("bufferPoolMb", "0"))) {
            md.append(String.format(
                    "On an existing database; InnoDB buffer pool %s MB, %s.%n%n",
                    facts.getProperty("bufferPoolMb"),
                    "1".equals(facts.getProperty("warm"))
                            ? "warmed before the run (every index of the exam's tables read once)"
                            : "cold (the server had just started)"));
        }

        md.append("| step | requests | errors | p50 ms | p95 ms | p99 ms | max ms | p99 goal | app CPU ms/req |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long errors = 0;
        for (Step step : STEPS) {
            JsonNode s = stats.get(step.name());
            if (s == null) {
                continue;
            }
            long total = s.at("/numberOfRequests/total").asLong();
            long ko = s.at("/numberOfRequests/ko").asLong();
            errors += ko;
            int p99 = s.at("/percentiles4/ok").asInt();
            String goal = "";
            if (step.thresholdMs() != null) {
                boolean held = p99 <= step.thresholdMs();
                goal = "≤ " + step.thresholdMs() + (held ? " ✓" : " ✗");
                if (!held) {
                    failures.add(step.name() + " p99 " + p99 + " ms > " + step.thresholdMs() + " ms");
                }
            }
            double[] c = cpu.get(step.method() + " " + step.uri());
            md.append(String.format(
                    "| %s | %d | %d | %d | %d | %d | %d | %s | %s |%n",
                    step.name(),
                    total,
                    ko,
                    s.at("/percentiles1/ok").asInt(),
                    s.at("/percentiles3/ok").asInt(),
                    p99,
                    s.at("/maxResponseTime/ok").asInt(),
                    goal,
                    c == null || c[0] == 0 ? "" : String.format("%.2f", c[1] / c[0])));
        }
        if (errors > 0) {
            failures.add(errors + " requests failed");
        }
        md.append("\nApp CPU ms/req: CPU time of the request's own thread per route (\"first question\" and")
                .append(" \"question\" share one route), from the app's `cloudsquad.http.server.cpu` metric;")
                .append(" GC and background jobs are in the windows below.\n\n");

        md.append("| window | seconds | requests/s | app cores | MariaDB cores | Gatling cores | app ms/req |")
                .append(" MariaDB ms/req |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        long firstSubmit = requests.entrySet().stream()
                .filter(e -> e.getValue().containsKey("submit"))
                .mapToLong(e -> began + e.getKey() * 1000L)
                .min()
                .orElse(Long.MAX_VALUE);
        long end = samples.isEmpty() ? began : samples.get(samples.size() - 1)[0];
        window(
                md,
                "synchronised start (start + first question)",
                startAt,
                lastStarted + 1000,
                samples,
                requests,
                began);
        window(
                md,
                "steady state (answering)",
                lastStarted + 30_000,
                Math.min(firstSubmit, end),
                samples,
                requests,
                began);
        window(md, "whole run", began, end, samples, requests, began);

        md.append("\n").append(memory(run, samples));

        long acknowledged = Long.parseLong(facts.getProperty("acknowledgedSaves"));
        long missing = Long.parseLong(facts.getProperty("savesNotInDatabase"));
        md.append(String.format(
                "%nSaves: %d acknowledged to candidates, %d of them not in the database as acknowledged.%n",
                acknowledged, missing));
        if (missing > 0) {
            failures.add(missing + " acknowledged saves not in the database");
        }
        md.append(
                failures.isEmpty()
                        ? "\n**Every threshold held.**\n"
                        : "\n**Thresholds not held:** " + String.join("; ", failures) + "\n");
        Files.writeString(run.resolve("report.md"), md);
        System.out.println(md);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void window(
            StringBuilder md,
            String name,
            long from,
            long to,
            List<long[]> samples,
            Map<Integer, Map<String, Long>> requests,
            long began) {
        long[] first = null;
        long[] last = null;
        for (long[] s : samples) {
            if (s[0] >= from && first == null) {
                first = s;
            }
            if (s[0] <= to) {
                last = s;
            }
        }
        if (first == null || last == null || last[0] <= first[0]) {
            md.append("| ").append(name).append(" | (too short to sample) | | | | | | |\n");
            return;
        }
        double seconds = (last[0] - first[0]) / 1000.0;
        int fromSecond = (int) ((first[0] - began) / 1000);
        int toSecond = (int) ((last[0] - began) / 1000);
        long count = requests.entrySet().stream()
                .filter(e -> e.getKey() >= fromSecond && e.getKey() < toSecond)
                .mapToLong(e -> e.getValue().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .sum();
        double app = (last[1] - first[1]) * 10.0; // ticks of 10 ms
        double db = (last[2] - first[2]) * 10.0;
        double gatling = (last[3] - first[3]) * 10.0;
        md.append(String.format(
                "| %s | %.0f | %.1f | %.2f | %.2f | %.2f | %s | %s |%n",
                name,
                seconds,
                count / seconds,
                app / 1000 / seconds,
                db / 1000 / seconds,
                gatling / 1000 / seconds,
                count == 0 ? "" : String.format("%.2f", app / count),
                count == 0 ? "" : String.format("%.2f", db / count)));
    }

    private static String memory(Path run, List<long[]> samples) throws IOException {
        StringBuilder md = new StringBuilder();
        TreeMap<Integer, Integer> afterGcByMinute = new TreeMap<>();
        List<String> liveSet = new ArrayList<>();
        int gcs = 0;
        Path log = run.resolve("gc.log");
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher live = LIVE_SET.matcher(line);
                if (live.find()) {
                    liveSet.add(String.format(
                            "%d′ %s MB (%.0f ms)",
                            (int) (Double.parseDouble(live.group(1)) / 60),
                            live.group(3),
                            Double.parseDouble(live.group(5))));
                    continue;
                }
                Matcher m = GC_AFTER.matcher(line);
                if (m.find()) {
                    gcs++;
                    int minute = (int) (Double.parseDouble(m.group(1)) / 60);
                    afterGcByMinute.merge(minute, Integer.parseInt(m.group(3)), Math::min);
                }
            }
        }
        long maxRss = samples.stream().mapToLong(s -> s[4]).max().orElse(-1);
        long lastRss = samples.isEmpty() ? -1 : samples.get(samples.size() - 1)[4];
        long dbRss = samples.isEmpty() ? -1 : samples.get(samples.size() - 1)[5];
        md.append(String.format(
                "Memory: app RSS %d MB at the end (peak %d MB), MariaDB RSS %d MB; %d GC pauses.%n%n",
                lastRss / 1024, maxRss / 1024, dbRss / 1024, gcs));
        if (!afterGcByMinute.isEmpty()) {
            md.append("Heap after GC (lowest in each minute of the app's uptime, MB): ");
            List<String> trend = new ArrayList<>();
            afterGcByMinute.forEach((minute, mb) -> trend.add(minute + "′ " + mb));
            md.append(String.join(", ", trend)).append("\n");
            md.append("\n(After a young collection: it includes old-generation garbage that G1 has not yet")
                    .append(" had a reason to collect, so it rises between concurrent cycles; the live set")
                    .append(" below is the figure that shows a leak.)\n");
        }
        if (!liveSet.isEmpty()) {
            md.append("\nLive set (heap after a full collection, taken every few minutes with")
                    .append(" `jcmd GC.class_histogram`; the pause it cost): ")
                    .append(String.join(", ", liveSet))
                    .append("\n");
            md.append(histogramGrowth(run));
        }
        return md.toString();
    }

    /**
     * The classes whose live bytes grew most from the second histogram (the first is taken while the
     * caches are still filling) to the last: where a leak would show.
     */
    private static String histogramGrowth(Path run) throws IOException {
        List<Path> histograms;
        try (Stream<Path> files = Files.list(run)) {
            histograms = files.filter(p -> p.getFileName().toString().matches("histogram-\\d+\\.txt"))
                    .sorted()
                    .toList();
        }
        if (histograms.size() < 3) {
            return "";
        }
        Map<String, Long> from = histogram(histograms.get(1));
        Map<String, Long> to = histogram(histograms.get(histograms.size() - 1));
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        to.forEach((type, bytes) -> growth.add(Map.entry(type, bytes - from.getOrDefault(type, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder md = new StringBuilder(String.format(
                "%nLive bytes by class, %s → %s (the largest changes):%n%n| class | from KB | to KB | change KB |%n|---|---:|---:|---:|%n",
                histograms.get(1).getFileName(),
                histograms.get(histograms.size() - 1).getFileName()));
        growth.stream()
                .limit(8)
                .forEach(e -> md.append(String.format(
                        "| `%s` | %,d | %,d | %+,d |%n",
                        e.getKey(),
                        from.getOrDefault(e.getKey(), 0L) / 1024,
                        to.get(e.getKey()) / 1024,
                        e.getValue() / 1024)));
        return md.toString();
    }

    /** A {@code jcmd GC.class_histogram} output: bytes by class name. */
    private static Map<String, Long> histogram(Path file) throws IOException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        for (String line : Files.readAllLines(file)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        return bytes;
    }

    private static JsonNode gatlingStats(Path run) throws IOException {
        Path stats;
        try (Stream<Path> files = Files.walk(run.resolve("gatling"))) {
            stats = files.filter(p -> p.endsWith(Path.of("js", "stats.js")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Gatling report under " + run));
        }
        // The HTML report's data: a JavaScript object literal (some keys unquoted) before its functions.
        String script = Files.readString(stats);
        String literal = script.substring(script.indexOf('{'), script.indexOf("\nfunction "));
        JsonNode root = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build()
                .readTree(literal);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        root.path("contents").forEach(request -> byName.put(request.path("name").asText(), request.path("stats")));
        return new ObjectMapper().valueToTree(byName);
    }

    private static List<long[]> samples(Path run) throws IOException {
        List<long[]> samples = new ArrayList<>();
        List<String> lines = Files.readAllLines(run.resolve("samples.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long[] s = new long[f.length];
            for (int i = 0; i < f.length; i++) {
                s[i] = Long.parseLong(f[i]);
            }
            samples.add(s);
        }
        return samples;
    }

    private static Map<Integer, Map<String, Long>> requests(Path run) throws IOException {
        Map<Integer, Map<String, Long>> bySecond = new TreeMap<>();
        List<String> lines = Files.readAllLines(run.resolve("requests.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            bySecond.computeIfAbsent(Integer.parseInt(f[0]), k -> new LinkedHashMap<>())
                    .put(f[1], Long.parseLong(f[2]));
        }
        return bySecond;
    }

    /** Count and total of the app's per-route CPU metric, read as the load admin. */
    static Map<String, double[]> appCpuPerRoute(String base) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "email=" + enc(LoadRun.ADMIN_EMAIL) + "&password=" + enc(LoadRun.PASSWORD) + "&_csrf="
                + enc(csrf.group(1));
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", "10.255.255.2")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        ObjectMapper json = new ObjectMapper();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        for (Step step : STEPS) {
            String key = step.method() + " " + step.uri();
            if (cpu.containsKey(key)) {
                continue;
            }
            HttpResponse<String> metric = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/cloudsquad.http.server.cpu?tag=method:"
                                    + step.method() + "&tag=uri:" + enc(step.uri())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (metric.statusCode() != 200) {
                continue;
            }
            double count = 0;
            double total = 0;
            for (JsonNode m : json.readTree(metric.body()).path("measurements")) {
                if (m.path("statistic").asText().equals("COUNT")) {
                    count = m.path("value").asDouble();
                } else if (m.path("statistic").asText().equals("TOTAL")) {
                    total = m.path("value").asDouble();
                }
            }
            cpu.put(key, new double[] {count, total});
        }
        return cpu;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
