package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The item statistics pages: who may see them, and that they show the stored figures. */
@CloudSquadIntegrationTest
class ItemStatisticsPagesIT {

    static final RequestPostProcessor ADMIN = user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN");
    static final RequestPostProcessor CANDIDATE = user("candidate@example.test").roles("CANDIDATE");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ItemStatistics statistics;

    /** A question every candidate got right (facility 100 % over 20 attempts: needs checking). */
    static long everybodyRight;

    static long certificationId;

    @BeforeEach
    void twentyCandidatesGetEverythingRight() {
        if (everybodyRight != 0) {
            return; // once for the class: the figures are only read
        }
        ExamDriver driver = ExamDriver.create(app, 4);
        certificationId = driver.certification().id();
        Set<Long> inEveryTest = null;
        for (int i = 0; i < ItemAnalysis.MIN_ATTEMPTS; i++) {
            long attempt = driver.take(driver.candidate("stats-page"), AttemptMode.READINESS, p -> true);
            Set<Long> drawn = driver.questionIds(attempt);
            if (inEveryTest == null) {
                inEveryTest = new HashSet<>(drawn);
            } else {
                inEveryTest.retainAll(drawn);
            }
        }
        everybodyRight = inEveryTest.iterator().next();
        assertThat(statistics.recompute(null).ran()).isTrue();
    }

    @Test
    void theListShowsEachVersionsFiguresAndWhyItNeedsChecking() throws Exception {
        String page = mvc.perform(get("/admin/questions/statistics")
                        .param("flagged", "true")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(view().name(AdminItemStatisticsController.VIEW_LIST))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String row = rowOf(page, everybodyRight);
        assertThat(row)
                .contains("href=\"/admin/questions/" + everybodyRight + "\"")
                .contains("<td data-label=\"Attempts\">20</td>")
                .contains("<td data-label=\"Facility\">100.0 %</td>")
                .contains("<td data-label=\"Discrimination\">–</td>") // undefined: everybody right
                .contains("Needs checking")
                .contains("Facility 100.0 %: almost everybody answers it right");
        assertThat(page).contains("need checking.").contains("Computed ");
    }

    @Autowired
    ItemStatisticsStore store;

    @Test
    void everySortPagesInTheOrderOfOneSortOfEveryRow() {
        for (String sort : ItemStatisticsStore.SORTS) {
            for (boolean flagged : List.of(false, true)) {
                List<Long> all = store.page(sort, flagged, certificationId, 0, 10_000).stream()
                        .map(ItemStatisticsStore.Row::versionId)
                        .toList();
                List<Long> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < all.size(); offset += 3) {
                    store.page(sort, flagged, certificationId, offset, 3).forEach(r -> paged.add(r.versionId()));
                }
                assertThat(paged).as(sort + " in pages of 3").isEqualTo(all);
                assertThat(all)
                        .as(sort + ": every version of the certification once")
                        .hasSize((int) store.count(flagged, certificationId))
                        .doesNotHaveDuplicates();
            }
        }
        List<Long> flaggedFirst = store.page("flagged", false, certificationId, 0, 10_000).stream()
                .map(ItemStatisticsStore.Row::versionId)
                .toList();
        List<Long> reference =
                jdbc.sql("""
                        SELECT s.version_id FROM item_statistics s JOIN question q ON q.id = s.question_id
                        WHERE q.certification_id = ?
                        ORDER BY s.needs_checking DESC, (q.current_version_id = s.version_id) DESC,
                                 s.discrimination IS NULL, s.discrimination, s.attempts DESC, s.version_id""").param(certificationId).query(Long.class).list();
        assertThat(flaggedFirst)
                .as("the default order, as one plain sort gives it")
                .isEqualTo(reference);
        assertThat(flaggedFirst)
                .contains(jdbc.sql("SELECT current_version_id FROM question WHERE id = ?")
                        .param(everybodyRight)
                        .query(Long.class)
                        .single());
    }

    @Autowired
    QuestionBank bank;

    @Test
    void anEditPutsTheFiguresOfTheOlderVersionAfterTheCurrentOnesWithoutARecompute() {
        long question = jdbc.sql("""
                        SELECT s.question_id FROM item_statistics s JOIN question q ON q.id = s.question_id
                        WHERE q.certification_id = ? AND q.status = 'PUBLISHED' AND s.question_id <> ?
                          AND NOT s.superseded AND s.needs_checking = FALSE
                        ORDER BY s.question_id LIMIT 1""")
                .params(certificationId, everybodyRight)
                .query(Long.class)
                .single();
        QuestionDetail before = bank.find(question).orElseThrow();
        QuestionContent edited = before.content();
        bank.update(
                question,
                new QuestionContent(
                        edited.domainId(),
                        edited.difficulty(),
                        edited.title(),
                        edited.stem() + " (corrected)",
                        edited.options(),
                        edited.explanation(),
                        edited.references(),
                        edited.tags(),
                        edited.imageKey(),
                        edited.format()),
                before.lockVersion(),
                "admin@cloudsquad.test");

        assertThat(jdbc.sql("SELECT superseded FROM item_statistics WHERE version_id = ?")
                        .param(before.current().id())
                        .query(Boolean.class)
                        .single())
                .as("the version candidates answered is no longer the current one")
                .isTrue();
        List<Long> flaggedFirst = store.page("flagged", false, certificationId, 0, 10_000).stream()
                .map(ItemStatisticsStore.Row::versionId)
                .toList();
        List<Long> reference =
                jdbc.sql("""
                        SELECT s.version_id FROM item_statistics s JOIN question q ON q.id = s.question_id
                        WHERE q.certification_id = ? AND NOT s.needs_checking
                        ORDER BY (q.current_version_id = s.version_id) DESC,
                                 s.discrimination IS NULL, s.discrimination, s.attempts DESC, s.version_id""").param(certificationId).query(Long.class).list();
        assertThat(flaggedFirst.subList(flaggedFirst.size() - reference.size(), flaggedFirst.size()))
                .as("current versions first, as the question table says now")
                .isEqualTo(reference);
        assertThat(reference.indexOf(before.current().id()))
                .as("the edited question's old figures follow every current version's")
                .isGreaterThanOrEqualTo((int) reference.stream()
                        .filter(v -> v != before.current().id())
                        .count());
    }

    @Test
    void everySortKeepsTheQuestionListedAndAnUnknownSortFallsBackToFlaggedFirst() throws Exception {
        for (String sort : List.of(ItemStatisticsStore.SORTS.toArray(String[]::new))) {
            mvc.perform(get("/admin/questions/statistics").param("sort", sort).with(ADMIN))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-testid=\"item-statistics\"")));
        }
        mvc.perform(get("/admin/questions/statistics")
                        .param("sort", "stem; DROP TABLE x")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"flagged\" selected=\"selected\">")));
    }

    @Test
    void theEditPageLoadsTheQuestionsStatisticsWithOptionShares() throws Exception {
        mvc.perform(get("/admin/questions/{id}", everybodyRight).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("hx-get=\"/admin/questions/" + everybodyRight + "/statistics\"")));

        String section = mvc.perform(get("/admin/questions/{id}/statistics", everybodyRight)
                        .header("HX-Request", "true")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("site-header"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(section)
                .contains("id=\"item-statistics\"")
                .contains("Version 1 (current)")
                .contains("<dt>Attempts</dt><dd>20</dd>")
                .contains("<dt>Facility</dt><dd>100.0 %</dd>")
                .contains("<dt>SD</dt><dd>0.0 %</dd>")
                .contains("<td data-label=\"Chosen\">100 % (20)</td>")
                .contains("<td data-label=\"Chosen\">0 % (0)</td>")
                .contains("Needs checking.");

        // without htmx: a whole page
        mvc.perform(get("/admin/questions/{id}/statistics", everybodyRight).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("site-header")))
                .andExpect(content().string(containsString("Statistics of question " + everybodyRight)));
    }

    @Test
    void recomputeNowRunsAndIsAudited() throws Exception {
        long audited = auditCount();
        mvc.perform(post("/admin/questions/statistics/recompute").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/questions/statistics"))
                .andExpect(flash().attribute("notice", containsString("Statistics recomputed:")));
        assertThat(auditCount()).isEqualTo(audited + 1);
        assertThat(jdbc.sql("SELECT actor FROM admin_audit WHERE action = 'item-statistics.recompute'"
                                + " ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("admin@cloudsquad.test");
    }

    @Test
    void candidatesAreRefusedAndAnonymousVisitorsSentToLogIn() throws Exception {
        List<MockHttpServletRequestBuilder> routes = List.of(
                get("/admin/questions/statistics"),
                get("/admin/questions/{id}/statistics", everybodyRight),
                post("/admin/questions/statistics/recompute"));
        for (MockHttpServletRequestBuilder route : routes) {
            mvc.perform(route.with(CANDIDATE).with(csrf())).andExpect(status().isForbidden());
        }
        for (MockHttpServletRequestBuilder route : List.of(
                get("/admin/questions/statistics"),
                get("/admin/questions/{id}/statistics", everybodyRight),
                post("/admin/questions/statistics/recompute"))) {
            var response = mvc.perform(route.accept("text/html").with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/login");
        }
    }

    private long auditCount() {
        return jdbc.sql("SELECT COUNT(*) FROM admin_audit WHERE action = 'item-statistics.recompute'")
                .query(Long.class)
                .single();
    }

    /** The table row of one question (the list holds other tests' questions too). */
    private static String rowOf(String page, long questionId) {
        int start = page.indexOf("data-question=\"" + questionId + "\"");
        assertThat(start).as("row of question " + questionId).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
