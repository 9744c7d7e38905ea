package com.cloudsquad.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the running app: keeps cookies, reads the CSRF token from
 * the last page, does not follow redirects (tests assert them).
 */
public class WebSession {

    public static final String SESSION_COOKIE = "CLOUDSQUAD_SESSION";
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    // Java's CookieManager mishandles "localhost" (it files cookies under localhost.local),
    // so this client keeps its cookies itself.
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpClient client;
    private final String clientAddress;
    private String csrf;

    /**
     * Each session is a client of its own: it comes through the (loopback, so trusted) proxy with
     * an address of its own, as browsers behind the load balancer do, so per-address limits count
     * each test's browser apart.
     */
    public WebSession(int port) {
        this(port, nextClientAddress());
    }

    public WebSession(int port, String clientAddress) {
        this.baseUrl = "http://localhost:" + port;
        this.clientAddress = clientAddress;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A documentation-range IPv6 address (2001:db8::/32), a new one for each session. */
    public static String nextClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "2001:db8:" + Long.toHexString(ProcessHandle.current().pid() & 0xffff) + "::"
                + Integer.toHexString(n & 0xffff);
    }

    public String clientAddress() {
        return clientAddress;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = send(request.build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page that had one. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, withToken, headers);
    }

    public HttpResponse<String> postRaw(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> register(String email, String displayName, String password) {
        get("/register");
        return post(
                "/register",
                Map.of("email", email, "displayName", displayName, "password", password, "confirmPassword", password));
    }

    /**
     * Registers, confirms the address with the link from the development outbox, and logs in: a
     * user who did all a new user does. When the address was registered before (with
     * {@link #PASSWORD}), this only logs in.
     */
    public HttpResponse<String> register(String email, String displayName) {
        HttpResponse<String> response = register(email, displayName, PASSWORD);
        assertThat(response.statusCode()).as("registration redirects").isEqualTo(302);
        confirmEmail(email);
        HttpResponse<String> login = logIn(email, PASSWORD);
        assertThat(location(login)).as("logged in after registering").isEqualTo("/");
        return login;
    }

    /** The newest verification link mailed to this address (read from /dev/outbox, as a developer would). */
    public Optional<String> verificationToken(String email) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/dev/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .GET()
                .build();
        try {
            String outbox =
                    client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher link = VERIFY_LINK.matcher(outbox);
            return link.find() ? Optional.of(link.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows the newest verification link of this address, if one was sent (the page, then its button). */
    public HttpResponse<String> confirmEmail(String email) {
        String token = verificationToken(email).orElse("none");
        get("/verify-email?token=" + token);
        return post("/verify-email", Map.of("token", token));
    }

    public HttpResponse<String> logIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public HttpResponse<String> logOut() {
        get("/");
        return post("/logout", Map.of());
    }

    public Optional<String> sessionCookie() {
        return Optional.ofNullable(cookies.get(SESSION_COOKIE));
    }

    /** The Cookie header this client sends (session and CSRF cookies), as a browser would: for wrk scripts. */
    public String cookieHeader() {
        return cookies.entrySet().stream()
                .map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Replaces this client's session cookie, as a replaying attacker would. */
    public void useSessionCookie(String value) {
        cookies.clear();
        cookies.put(SESSION_COOKIE, value);
    }

    /** The path (and query) a redirect points to, whether the Location is absolute or not. */
    public static String location(HttpResponse<?> response) {
        URI location = URI.create(response.headers().firstValue("Location").orElse(""));
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /**
     * The attempt a start redirected to ({@code /attempts/42}): a fresh attempt's start goes
     * straight to its first question, a resumed one to the attempt (which finds the first unanswered).
     */
    public static String attemptBase(HttpResponse<?> started) {
        String location = location(started);
        if (!location.matches("/attempts/\\d+(/q/1)?")) {
            throw new AssertionError("Not a start's redirect to an attempt: " + location);
        }
        return location.replaceFirst("/q/1$", "");
    }

    private HttpResponse<String> send(HttpRequest unsent) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(unsent, (name, value) -> true);
        if (unsent.headers().firstValue("X-Forwarded-For").isEmpty()) {
            withCookies.header("X-Forwarded-For", clientAddress);
        }
        if (unsent.headers().firstValue("Accept").isEmpty()) {
            withCookies.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"); // as a browser sends
        }
        if (!cookies.isEmpty()) {
            withCookies.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpRequest request = withCookies.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                HttpCookie cookie = HttpCookie.parse(header).get(0);
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
