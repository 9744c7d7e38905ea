package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CloudSquadIntegrationTest
class ProfileIT {

    @LocalServerPort
    int port;

    @Test
    void aNewNameAndTimeZoneAreSavedAndShownInTheHeader() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("rename"), "Old Name");
        browser.get("/profile");

        HttpResponse<String> saved =
                browser.post("/profile", Map.of("displayName", "New Name", "timeZone", "Europe/Berlin"));

        assertThat(WebSession.location(saved)).isEqualTo("/profile");
        String profile = browser.get("/profile").body();
        assertThat(profile).contains(">New Name</a>").contains("Your profile is saved.");
        assertThat(profile).containsPattern("<option value=\"Europe/Berlin\" selected=\"selected\">");
    }

    @Test
    void anUnknownTimeZoneIsRefusedNextToTheField() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("tz"), "Tia");
        browser.get("/profile");

        HttpResponse<String> page = browser.post("/profile", Map.of("displayName", "Tia", "timeZone", "Mars/Olympus"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"field-error\">Choose a time zone from the list.");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("pw"), "Pat");
        browser.get("/profile");

        HttpResponse<String> page = browser.post(
                "/profile/password",
                Map.of(
                        "currentPassword", "not the current one",
                        "password", "a brand new passphrase",
                        "confirmPassword", "a brand new passphrase"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("That is not your current password.");
    }

    @Test
    void aChangedPasswordWorksAndLogsOutOtherSessions() {
        String email = uniqueEmail("change");
        WebSession laptop = new WebSession(port);
        laptop.register(email, "Lee");
        WebSession phone = new WebSession(port);
        phone.logIn(email, PASSWORD);
        assertThat(phone.get("/profile").statusCode()).isEqualTo(200);

        laptop.get("/profile");
        HttpResponse<String> changed = laptop.post(
                "/profile/password",
                Map.of(
                        "currentPassword", PASSWORD,
                        "password", "a brand new passphrase",
                        "confirmPassword", "a brand new passphrase"));

        assertThat(WebSession.location(changed)).isEqualTo("/profile");
        assertThat(laptop.get("/profile").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(phone.get("/profile").statusCode())
                .as("the other is logged out")
                .isEqualTo(302);
        assertThat(WebSession.location(new WebSession(port).logIn(email, PASSWORD)))
                .isEqualTo("/login");
        assertThat(WebSession.location(new WebSession(port).logIn(email, "a brand new passphrase")))
                .isEqualTo("/");
    }

    @Test
    void theCurrentPasswordCheckIsThrottledLikeALogin() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("pwguess"), "Gus");
        Map<String, String> guess = Map.of(
                "currentPassword", "a guess",
                "password", "a brand new passphrase",
                "confirmPassword", "a brand new passphrase");
        for (int i = 0; i < 5; i++) {
            browser.get("/profile");
            assertThat(browser.post("/profile/password", guess).body()).contains("That is not your current password.");
        }
        browser.get("/profile");
        HttpResponse<String> sixth = browser.post(
                "/profile/password",
                Map.of(
                        "currentPassword", PASSWORD,
                        "password", "a brand new passphrase",
                        "confirmPassword", "a brand new passphrase"));

        assertThat(sixth.statusCode()).isEqualTo(200);
        // 30 seconds from the fifth failure, so 29 when a busy machine took a second in between
        assertThat(sixth.body())
                .containsPattern("class=\"field-error\">Too many wrong tries. Try again in (29|30) seconds.");
    }
}
