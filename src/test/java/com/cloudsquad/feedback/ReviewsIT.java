package com.cloudsquad.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.feedback.FeedbackFixture.Candidate;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Platform reviews over real HTTP on the real database: who may write, edit, delete, hide; limits. */
@CloudSquadIntegrationTest
class ReviewsIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reviews reviews;

    @Autowired
    FeedbackCounts counts;

    static ExamDriver exam;

    FeedbackFixture fixture;

    @BeforeEach
    void setUp() {
        if (exam == null) {
            exam = ExamDriver.create(context, 12);
        }
        fixture = new FeedbackFixture(port, jdbc, exam);
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> write(WebSession web, String stars, String body) {
        web.get("/reviews/mine");
        return web.post("/reviews/mine", Map.of("stars", stars, "body", body));
    }

    long reviewsOf(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM review WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    @Test
    void aCandidateWithoutACompletedTestIsAskedToTakeOneAndCannotReview() {
        Candidate bob = fixture.newcomer("Bob");
        // practice does not count: only a scored readiness test or mock exam does
        fixture.exam().take(bob.id(), AttemptMode.PRACTICE, p -> true);

        assertThat(bob.web().get("/reviews/mine").body())
                .contains("data-testid=\"review-not-yet\"", "completed a test")
                .doesNotContain("data-testid=\"save-review\"");
        HttpResponse<String> post = bob.web().post("/reviews/mine", Map.of("stars", "5", "body", "Great"));

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).contains("data-testid=\"review-not-yet\"");
        assertThat(reviewsOf(bob.id())).isZero();
    }

    @Test
    void oneReviewPerCandidateWhichTheyEditAndDelete() {
        Candidate alice = fixture.tested("Alice");
        ReviewSummary before = reviews.summary();
        String text = unique("Clear explanations.");

        HttpResponse<String> created = write(alice.web(), "4", text);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(alice.web().get("/reviews/mine").body()).contains("Thank you: your review is published.");
        assertThat(alice.web().get("/reviews").body()).contains(text, "aria-label=\"4 out of 5 stars\"");
        ReviewSummary afterCreate = reviews.summary();
        assertThat(afterCreate.count()).isEqualTo(before.count() + 1);
        assertThat(afterCreate.reviews(4)).isEqualTo(before.reviews(4) + 1);

        String edited = unique("Even better after the update.");
        write(alice.web(), "5", edited);

        assertThat(alice.web().get("/reviews/mine").body()).contains("Your review is updated.", edited);
        assertThat(reviewsOf(alice.id())).as("still one review").isEqualTo(1);
        ReviewSummary afterEdit = reviews.summary();
        assertThat(afterEdit.count()).isEqualTo(before.count() + 1);
        assertThat(afterEdit.reviews(4)).isEqualTo(before.reviews(4));
        assertThat(afterEdit.reviews(5)).isEqualTo(before.reviews(5) + 1);
        assertThat(alice.web().get("/reviews").body()).contains(edited).doesNotContain(text);

        alice.web().post("/reviews/mine/delete", Map.of());

        assertThat(alice.web().get("/reviews/mine").body()).contains("Your review is deleted.");
        assertThat(reviewsOf(alice.id())).isZero();
        assertThat(reviews.summary()).isEqualTo(before);
        assertThat(alice.web().get("/reviews").body()).doesNotContain(edited);
    }

    @Test
    void badInputIsRefusedNextToTheFieldAndNothingIsWritten() {
        Candidate carol = fixture.tested("Carol");

        HttpResponse<String> noStars = write(carol.web(), "", "Fine");
        HttpResponse<String> tooLong = write(carol.web(), "3", "x".repeat(2001));
        HttpResponse<String> sixStars = write(carol.web(), "6", "Fine");

        assertThat(noStars.statusCode()).isEqualTo(200);
        assertThat(noStars.body()).contains("id=\"stars-hint\"", "Choose from 1 to 5 stars.");
        assertThat(tooLong.body()).contains("id=\"body-hint\"", "Keep your review to 2,000 characters or fewer.");
        assertThat(sixStars.body()).contains("Choose from 1 to 5 stars.");
        assertThat(reviewsOf(carol.id())).isZero();
    }

    @Test
    void reviewTextIsShownAsTextNeverAsMarkup() {
        Candidate mallory = fixture.tested("Mallory");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        write(mallory.web(), "1", "<script>alert('" + marker + "')</script>");

        String page = new WebSession(port).get("/reviews?sort=lowest").body();

        assertThat(page).contains("&lt;script&gt;alert(&#39;" + marker).doesNotContain("<script>alert('" + marker);
    }

    @Test
    void anAdminHidesAReviewWithAReasonItLeavesThePublicPageAndTheAverageAndComesBack() {
        Candidate dave = fixture.tested("Dave");
        String text = unique("Buy cheap certificates at spam.example");
        write(dave.web(), "1", text);
        long id = jdbc.sql("SELECT id FROM review WHERE account_id = ?")
                .param(dave.id())
                .query(Long.class)
                .single();
        ReviewSummary before = reviews.summary();
        long hiddenBefore = counts.hiddenReviews();
        WebSession admin = admin();

        HttpResponse<String> noReason = admin.post("/admin/reviews/" + id + "/hide", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("id=\"reason-error-" + id + "\"", "Say why the review is hidden");
        assertThat(reviews.summary()).isEqualTo(before);

        HttpResponse<String> hidden = admin.post("/admin/reviews/" + id + "/hide", Map.of("reason", "Advertising."));

        assertThat(hidden.statusCode()).isEqualTo(302);
        assertThat(new WebSession(port).get("/reviews?sort=lowest").body()).doesNotContain(text);
        ReviewSummary afterHide = reviews.summary();
        assertThat(afterHide.count()).isEqualTo(before.count() - 1);
        assertThat(afterHide.reviews(1)).isEqualTo(before.reviews(1) - 1);
        assertThat(counts.hiddenReviews()).isEqualTo(hiddenBefore + 1);
        assertThat(dave.web().get("/reviews/mine").body())
                .contains("data-testid=\"review-hidden\"", "Your review is hidden", "Advertising.");
        assertThat(audit("review.hide", "review " + id)).isEqualTo("Advertising.");

        // editing a hidden review keeps it hidden and out of the counts
        write(dave.web(), "2", text);
        assertThat(reviews.summary()).isEqualTo(afterHide);

        admin.get("/admin/reviews?show=hidden");
        admin.post("/admin/reviews/" + id + "/unhide", Map.of());

        assertThat(new WebSession(port).get("/reviews?sort=lowest").body()).contains(text);
        assertThat(reviews.summary().count()).isEqualTo(before.count());
        assertThat(reviews.summary().reviews(2)).isEqualTo(before.reviews(2) + 1);
        assertThat(counts.hiddenReviews()).isEqualTo(hiddenBefore);
        assertThat(audit("review.unhide", "review " + id)).isNotNull();
        assertThat(dave.web().get("/reviews/mine").body()).doesNotContain("data-testid=\"review-hidden\"");
    }

    @Test
    void theHomePageShowsTheAverageAndCount() {
        Candidate erin = fixture.tested("Erin");
        write(erin.web(), "5", "Good");
        ReviewSummary summary = reviews.summary();

        String home = new WebSession(port).get("/").body();

        assertThat(home)
                .contains("Rated " + summary.averageText() + " out of 5 by " + String.format("%,d", summary.count()));
    }

    @Test
    void thePublicPageSortsAndPagesWithRealLinksAndAnHtmxFragment() {
        WebSession visitor = new WebSession(port);

        HttpResponse<String> page = visitor.get("/reviews?sort=highest");
        HttpResponse<String> fragment = visitor.get("/reviews?sort=lowest&page=1", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("set-cookie"))
                .as("the public page stores no session")
                .noneMatch(cookie -> cookie.startsWith(WebSession.SESSION_COOKIE));
        assertThat(page.body()).contains("<h1>", "data-testid=\"star-distribution\"", "href=\"/reviews?sort=lowest\"");
        assertThat(fragment.body()).contains("id=\"review-list\"").doesNotContain("<h1>", "<html");
    }

    @Test
    void reviewWritesAreLimitedPerAccountWithAClearMessage() {
        Candidate frank = fixture.tested("Frank");
        for (int i = 0; i < 10; i++) {
            assertThat(write(frank.web(), String.valueOf(1 + i % 5), "Take " + i)
                            .statusCode())
                    .isEqualTo(302);
        }

        HttpResponse<String> refused = write(frank.web(), "5", "One more");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("You have changed your review too often. Please try again in");
        assertThat(reviews.mine(frank.id()).orElseThrow().body()).isEqualTo("Take 9");
    }

    @Test
    void reviewWritesAreLimitedPerClientAddress() {
        String address = WebSession.nextClientAddress();
        // 30 writes an hour per address: three candidates with 10 each use it up
        for (String name : new String[] {"Gina", "Hugo", "Ivan"}) {
            Candidate c = fixture.tested(name, address);
            for (int i = 0; i < 10; i++) {
                assertThat(write(c.web(), "3", name + i).statusCode()).isEqualTo(302);
            }
        }
        Candidate judy = fixture.tested("Judy", address);

        HttpResponse<String> refused = write(judy.web(), "4", "First from Judy");

        assertThat(refused.body()).contains("You have changed your review too often");
        assertThat(reviewsOf(judy.id())).isZero();
    }

    WebSession admin() {
        WebSession admin = new WebSession(port);
        admin.register("journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL, "Ada Admin");
        admin.get("/admin/reviews");
        return admin;
    }

    String audit(String action, String target) {
        return jdbc.sql("SELECT detail FROM admin_audit WHERE action = ? AND target = ? ORDER BY id DESC LIMIT 1")
                .params(action, target)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
