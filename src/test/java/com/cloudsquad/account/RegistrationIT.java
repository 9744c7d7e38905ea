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
import java.util.Map;
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

    @Autowired
    DevOutbox outbox;

    int accountsWith(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE email_key = ?")
                .param(Account.emailKey(email))
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
                Map.of(
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
    void aPasswordOfSpacesIsRefusedWithAClearMessage() {
        String email = uniqueEmail("spaces");
        for (String password : new String[] {"        ", " \t  \u00a0   ", "a b c d e f g"}) {
            HttpResponse<String> page = new WebSession(port).register(email, "Spacey", password);

            assertThat(page.statusCode()).as(password).isEqualTo(200);
            assertThat(page.body()).contains("Use at least 8 characters that are not spaces.");
        }
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
    void registeringAnExistingEmailAnswersLikeANewOneAndTellsTheOwner() {
        String email = uniqueEmail("Case");
        WebSession first = new WebSession(port);
        HttpResponse<String> fresh = first.register(email, "First", PASSWORD);
        String freshPage = first.get(WebSession.location(fresh)).body();

        WebSession second = new WebSession(port);
        HttpResponse<String> again = second.register(email.toUpperCase(), "Second", "another fine passphrase");
        String againPage = second.get(WebSession.location(again)).body();

        assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(again))
                .isEqualTo(WebSession.location(fresh))
                .isEqualTo("/login");
        for (String page : new String[] {freshPage, againPage}) {
            assertThat(page)
                    .contains("Thank you. We sent you an email: follow its link to confirm your address.")
                    .doesNotContain("already");
        }
        assertThat(accountsWith(email)).isEqualTo(1);
        assertThat(outbox.mails(email))
                .extracting(DevOutbox.Mail::subject)
                .containsExactly(
                        "Someone tried to register with your address at Cloud Squad",
                        "Confirm your email address for Cloud Squad");
        assertThat(WebSession.location(new WebSession(port).logIn(email, "another fine passphrase")))
                .as("the second registration changed nothing")
                .isEqualTo("/login");
    }

    @Test
    void aNewAccountCanLogInBeforeConfirmingAndSeesABannerUntilItDoes() {
        String email = uniqueEmail("new");
        WebSession browser = new WebSession(port);
        browser.register(email, "Nadia Newcomer", PASSWORD);
        browser.logIn(email, PASSWORD);

        String home = browser.get("/").body();
        assertThat(home).contains(">Nadia Newcomer</a>").contains("Please confirm your email address");
        assertThat(browser.get("/exams").statusCode())
                .as("tests are open before confirming")
                .isEqualTo(200);

        browser.confirmEmail(email);
        assertThat(browser.get("/").body())
                .contains("Your email address is confirmed")
                .doesNotContain("Please confirm your email address");
    }

    @Test
    void aVerificationLinkWorksOnceAndNotAfterItExpires() {
        String email = uniqueEmail("once");
        WebSession browser = new WebSession(port);
        browser.register(email, "Olga", PASSWORD);
        String token = browser.verificationToken(email).orElseThrow();
        assertThat(browser.get("/verify-email?token=" + token).body())
                .as("opening the link (a mail scanner might) uses nothing up")
                .contains("Confirm my email");

        assertThat(WebSession.location(browser.post("/verify-email", Map.of("token", token))))
                .isEqualTo("/");
        browser.get("/verify-email?token=" + token);
        assertThat(browser.post("/verify-email", Map.of("token", token)).body()).contains("This link is not valid");

        String late = uniqueEmail("late");
        new WebSession(port).register(late, "Lena", PASSWORD);
        jdbc.sql("UPDATE email_verification SET expires_at = '2000-01-01 00:00:00' WHERE email_key = ?")
                .param(late)
                .update();
        WebSession lateBrowser = new WebSession(port);
        assertThat(lateBrowser.confirmEmail(late).body()).contains("This link is not valid");
        assertThat(verified(late)).isFalse();
        assertThat(verified(email)).isTrue();
    }

    @Test
    void onlyTheHashOfAVerificationTokenIsStored() {
        String email = uniqueEmail("hashed");
        WebSession browser = new WebSession(port);
        browser.register(email, "Hal", PASSWORD);
        String token = browser.verificationToken(email).orElseThrow();

        String stored = jdbc.sql("SELECT token_hash FROM email_verification WHERE email_key = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(SecretTokens.hash(token)).doesNotContain(token);
    }

    @Test
    void emailsDifferingByAnAccentAreDifferentAccounts() {
        String suffix = uniqueEmail("").substring(1); // "-1a2b3c4d@example.test"
        String plain = "chief" + suffix;
        String accented = "chíef" + suffix;
        new WebSession(port).register(plain, "Plain Chief");
        new WebSession(port).register(accented, "Accented Chief");

        assertThat(accountsWith(plain)).isEqualTo(1);
        assertThat(accountsWith(accented)).isEqualTo(1);
        WebSession asAccented = new WebSession(port);
        asAccented.logIn(accented, PASSWORD);
        assertThat(asAccented.get("/").body()).contains(">Accented Chief</a>");
        WebSession decomposed = new WebSession(port);
        decomposed.logIn("chi\u0301ef" + suffix.toUpperCase(), PASSWORD); // the same address, typed differently
        assertThat(decomposed.get("/").body()).contains(">Accented Chief</a>");
        WebSession asPlain = new WebSession(port);
        asPlain.logIn(plain, PASSWORD);
        assertThat(asPlain.get("/").body()).contains(">Plain Chief</a>");
    }

    @Test
    void aTwoHundredCharacterEmailRegistersAndLogsIn() {
        String local = "a".repeat(60);
        String domain =
                "b".repeat(60) + "." + "c".repeat(60) + "." + uniqueEmail("x").replaceAll(".*@", "");
        String email = local + "@" + domain;
        assertThat(email.length()).isBetween(190, 254);

        WebSession browser = new WebSession(port);
        browser.register(email, "Long Address");

        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void oneClientAddressCanRegisterOnlyTenTimesAnHour() {
        String address = WebSession.nextClientAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(new WebSession(port, address)
                            .register(uniqueEmail("many" + i), "Many", PASSWORD)
                            .statusCode())
                    .isEqualTo(302);
        }
        String email = uniqueEmail("eleventh");
        HttpResponse<String> eleventh = new WebSession(port, address).register(email, "Eleven", PASSWORD);

        assertThat(eleventh.statusCode()).isEqualTo(200);
        assertThat(eleventh.body()).contains("Too many registrations from your network. Try again in");
        assertThat(accountsWith(email)).isZero();
        assertThat(new WebSession(port).register(email, "Elsewhere", PASSWORD).statusCode())
                .as("another address is not limited")
                .isEqualTo(302);
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

    private boolean verified(String email) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM account WHERE email_key = ?")
                .param(Account.emailKey(email))
                .query(Boolean.class)
                .single();
    }
}
