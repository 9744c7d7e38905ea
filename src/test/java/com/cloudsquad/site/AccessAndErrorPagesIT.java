package com.cloudsquad.site;

import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CloudSquadIntegrationTest
class AccessAndErrorPagesIT {

    @LocalServerPort
    int port;

    @Test
    void theHomePageSaysWhatCloudSquadIsAndInvitesToRegister() {
        String home = new WebSession(port).get("/").body();
        assertThat(home)
                .contains("How ready are you for your AWS certification exam?")
                .contains("href=\"/register\"")
                .contains("href=\"/login\"");
    }

    @Test
    void aCandidateGetsAFriendlyForbiddenPageOnAdmin() {
        WebSession candidate = new WebSession(port);
        candidate.register(uniqueEmail("candidate"), "Cand");

        HttpResponse<String> admin = candidate.get("/admin");

        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body())
                .contains("reserved for administrators")
                .contains(">Cand</a>")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(candidate.get("/").body()).doesNotContain("href=\"/admin\"");
    }

    @Test
    void anAccountListedAsAdminOpensTheAdminShell() {
        WebSession admin = new WebSession(port);
        admin.register(CloudSquadIntegrationTest.ADMIN_EMAIL.toUpperCase(), "Ada Admin");

        HttpResponse<String> shell = admin.get("/admin");

        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.body()).contains("<h1>Admin</h1>").contains("Question bank");
        assertThat(admin.get("/").body()).contains("href=\"/admin\"");
    }

    @Test
    void anUnknownPageIsAFriendly404WithoutDetails() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("lost"), "Lost");

        HttpResponse<String> missing = browser.get("/no/such/page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("We could not find that page").doesNotContain("Whitelabel");
    }

    @Test
    void healthProbesAreOpenAndOtherActuatorEndpointsAreClosed() {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).doesNotContain("components");

        assertThat(anonymous.get("/actuator/env").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/actuator/beans").statusCode()).isEqualTo(302);
        WebSession candidate = new WebSession(port);
        candidate.register(uniqueEmail("actuator"), "Act");
        assertThat(candidate.get("/actuator/env").statusCode()).isEqualTo(403);
        assertThat(candidate.get("/actuator").statusCode()).isEqualTo(403);
    }
}
