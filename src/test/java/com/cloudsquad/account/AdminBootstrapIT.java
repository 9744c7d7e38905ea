package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class AdminBootstrapIT {

    @LocalServerPort
    int port;

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVerifiedUserWithTheOneTimeTokenBecomesAdminAndTheTokenIsThenUsedUp() {
        String token = bootstrap.issue(true).orElseThrow();
        WebSession unverified = new WebSession(port);
        String unverifiedEmail = uniqueEmail("boot-unverified");
        unverified.register(unverifiedEmail, "Una", PASSWORD);
        unverified.logIn(unverifiedEmail, PASSWORD);
        unverified.get("/bootstrap-admin");
        assertThat(unverified.post("/bootstrap-admin", Map.of("token", token)).body())
                .contains("Confirm your email address first");

        WebSession verified = new WebSession(port);
        verified.register(uniqueEmail("boot-verified"), "Vera");
        verified.get("/bootstrap-admin");
        assertThat(verified.post("/bootstrap-admin", Map.of("token", token + "x"))
                        .body())
                .contains("This token is not valid");
        verified.get("/bootstrap-admin");
        HttpResponse<String> redeemed = verified.post("/bootstrap-admin", Map.of("token", token));
        assertThat(WebSession.location(redeemed)).isEqualTo("/admin");
        assertThat(verified.get("/admin").statusCode()).isEqualTo(200);

        WebSession late = new WebSession(port);
        late.register(uniqueEmail("boot-late"), "Lars");
        late.get("/bootstrap-admin");
        assertThat(late.post("/bootstrap-admin", Map.of("token", token)).body()).contains("This token is not valid");
        assertThat(late.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void ofTwoRedeemersAtOnceExactlyOneBecomesAdmin() throws Exception {
        String token = bootstrap.issue(true).orElseThrow();
        List<Long> ids = List.of(verifiedAccount("race-a"), verifiedAccount("race-b"), verifiedAccount("race-c"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        List<Future<AdminBootstrap.Outcome>> outcomes = ids.stream()
                .map(id -> pool.submit(() -> {
                    start.await();
                    return bootstrap.redeem(id, token);
                }))
                .toList();
        start.countDown();
        long admins = 0;
        for (Future<AdminBootstrap.Outcome> outcome : outcomes) {
            if (outcome.get() == AdminBootstrap.Outcome.ADMIN) {
                admins++;
            }
        }
        pool.shutdown();
        assertThat(admins).isEqualTo(1);
    }

    @Test
    void onlyOneTokenIsValidAtATimeWhicheverInstanceStartsFirst() {
        String first = bootstrap.issue(true).orElseThrow();
        assertThat(bootstrap.issue(false)).as("a second instance starting").isEmpty();
        assertThat(jdbc.sql("SELECT token_hash FROM admin_bootstrap_token")
                        .query(String.class)
                        .list())
                .containsExactly(SecretTokens.hash(first));
    }

    private long verifiedAccount(String prefix) {
        String email = uniqueEmail(prefix);
        new WebSession(port).register(email, prefix);
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
