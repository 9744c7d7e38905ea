package com.cloudsquad.bank.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@CloudSquadIntegrationTest
class QuestionApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();
    final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String key;

    @BeforeEach
    void createKey() throws Exception {
        key = newKey("test " + marker);
    }

    String newKey(String name) throws Exception {
        String page = mvc.perform(post("/admin/api-keys")
                        .param("name", name)
                        .with(user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("value=\"(csq_[A-Za-z0-9_-]+)\"").matcher(page);
        assertThat(m.find()).as("the new key is shown once").isTrue();
        return m.group(1);
    }

    String questionJson(String stem, String status) {
        return """
                {"certification": "SAA-C03", "domain": "Design Secure Architectures", "stem": "%s",
                 "options": [
                   {"text": "AWS KMS customer managed key", "correct": true, "explanation": "You control rotation."},
                   {"text": "An access key in code", "correct": false, "explanation": "Never."},
                   {"text": "Amazon S3 ACLs", "correct": false, "explanation": "Not encryption."},
                   {"text": "Security groups", "correct": false, "explanation": "Network only."}],
                 "explanation": "KMS keys.", "references": ["https://docs.aws.amazon.com/kms/latest/developerguide/overview.html"],
                 "difficulty": 2, "tags": ["kms"], "status": "%s"}""".formatted(stem, status);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAKeyTheApiAnswers401AsProblemDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/questions", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void theSessionCookieOfALoggedInAdminIsNotAKey() throws Exception {
        WebSession admin = new WebSession(port);
        admin.register(WebSession.uniqueEmail("cookie"), "Cookie");
        String cookie = WebSession.SESSION_COOKIE + "=" + admin.sessionCookie().orElseThrow();

        assertThat(send("GET", "/api/v1/questions", null, "Cookie", cookie).statusCode())
                .isEqualTo(401);
    }

    @Test
    void createGetAndUpdateWithOptimisticLocking() throws Exception {
        HttpResponse<String> created =
                send("POST", "/api/v1/questions", questionJson("Which key? " + marker, "PUBLISHED"), auth());
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> fetched = send("GET", location, null, auth());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("Which key? " + marker).contains("\"version\":1");

        HttpResponse<String> updated =
                send("PUT", location, questionJson("Which key now? " + marker, "PUBLISHED"), auth("If-Match", etag));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("\"version\":2");

        HttpResponse<String> stale =
                send("PUT", location, questionJson("Lost update " + marker, "PUBLISHED"), auth("If-Match", etag));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(send("GET", location, null, auth()).body()).doesNotContain("Lost update");
    }

    @Test
    void theTextFormatTravelsThroughTheApiAndHtmlIsStoredSanitised() throws Exception {
        String html = questionJson("<p>Which <strong>LEAST</strong> " + marker + "?</p><script>x()</script>", "DRAFT")
                .replace("\"stem\":", "\"format\": \"html\", \"stem\":");

        HttpResponse<String> created = send("POST", "/api/v1/questions", html, auth());
        assertThat(created.statusCode()).isEqualTo(201);
        String body = send("GET", created.headers().firstValue("Location").orElseThrow(), null, auth())
                .body();

        assertThat(body)
                .contains("\"format\":\"html\"", "<p>Which <strong>LEAST</strong> " + marker + "?</p>")
                .doesNotContain("<script>");
    }

    @Test
    void aQuestionBreakingTheRulesIs422WithTheReasons() throws Exception {
        String allWrong = questionJson("Broken " + marker, "DRAFT").replace("\"correct\": true", "\"correct\": false");

        HttpResponse<String> response = send("POST", "/api/v1/questions", allWrong, auth());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Mark at least one option as correct.");
    }

    @Test
    void anUnknownQuestionIs404ProblemDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/questions/999999999", null, auth());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void aRevokedKeyStopsWorking() throws Exception {
        String revoked = newKey("to revoke " + marker);
        assertThat(send("GET", "/api/v1/questions?size=1", null, "Authorization", "Bearer " + revoked)
                        .statusCode())
                .isEqualTo(200);
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/api-keys")
                                .with(user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher id = Pattern.compile("to revoke " + marker + "</td>[\\s\\S]*?/admin/api-keys/(\\d+)/revoke")
                .matcher(page);
        assertThat(id.find()).isTrue();
        mvc.perform(post("/admin/api-keys/" + id.group(1) + "/revoke")
                .with(user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN"))
                .with(csrf()));

        assertThat(send("GET", "/api/v1/questions?size=1", null, "Authorization", "Bearer " + revoked)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aKeyIsLimitedTo120RequestsAMinute() throws Exception {
        // 250 requests in well under a minute touch at most two minute windows, so one of them
        // must see more than 120: a 429 is certain whatever second the test starts in.
        HttpResponse<String> refused = null;
        for (int i = 0; i < 250 && refused == null; i++) {
            HttpResponse<String> response = send("GET", "/api/v1/questions/999999999", null, auth());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("a request over the limit").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Rate limit reached").contains("120 requests per minute");
    }

    String[] auth(String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + key;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }
}
