package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CloudSquadIntegrationTest
class RegistrationIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    int accountsWith(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE email_key = ?")
                .param(email.toLowerCase())
                .query(Integer.class)
                .single();
    }

    @Test
    void invalidFieldsAreReportedNextToEachFieldAndNothingIsStored() throws Exception {
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", "not-an-email")
                        .param("displayName", " ")
                        .param("password", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(view().name("account/register"))
                .andExpect(model().attributeHasFieldErrorCode("registrationForm", "email", "Email"))
                .andExpect(model().attributeHasFieldErrorCode("registrationForm", "displayName", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("registrationForm", "password", "password.tooShort"));
        assertThat(accountsWith("not-an-email")).isZero();
    }

    @Test
    void errorMessagesAppearOnThePageNextToTheirField() {
        WebSession browser = new WebSession(port);
        String email = uniqueEmail("mismatch");
        browser.get("/register");
        HttpResponse<String> page = browser.post(
                "/register",
                java.util.Map.of(
                        "email", email,
                        "displayName", "Mia",
                        "password", "baseball",
                        "confirmPassword", "something else"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"password-hint\" class=\"field-error\">This password is one of the most common ones")
                .contains("aria-invalid=\"true\"");
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void confirmationMustMatch() throws Exception {
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", uniqueEmail("confirm"))
                        .param("displayName", "Cleo")
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD + "!"))
                .andExpect(
                        model().attributeHasFieldErrorCode("registrationForm", "confirmPassword", "password.mismatch"));
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = uniqueEmail("Case");
        new WebSession(port).register(email, "First");

        HttpResponse<String> second = new WebSession(port).register(email.toUpperCase(), "Second", PASSWORD);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("An account with this email already exists");
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void registeringLogsTheNewUserInAndGreetsThem() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> registered = browser.register(uniqueEmail("new"), "Nadia Newcomer");

        assertThat(WebSession.location(registered)).isEqualTo("/");
        String home = browser.get("/").body();
        assertThat(home)
                .contains("Welcome to Cloud Squad! Your account is ready.")
                .contains(">Nadia Newcomer</a>");
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void htmlTypedIntoTheNameIsShownAsText() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("xss"), "<script>alert('x')</script><b>Bob</b>");

        String home = browser.get("/").body();

        assertThat(home).doesNotContain("<script>alert").doesNotContain("<b>Bob</b>");
        assertThat(home).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;Bob&lt;/b&gt;");
    }

    @Test
    void passwordsAreStoredHashedNeverInClear() {
        String email = uniqueEmail("hash");
        new WebSession(port).register(email, "Hana");

        String hash = jdbc.sql("SELECT password_hash FROM account WHERE email_key = ?")
                .param(email)
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{pbkdf2@SpringSecurity_v5_8}").doesNotContain(PASSWORD);
    }
}
