package com.cloudsquad.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptSubmitted;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The home page's counters: atomic under parallel requests on two instances, privacy kept. */
@CloudSquadIntegrationTest
class SiteCountersIT {

    static final AtomicLong ATTEMPTS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;

    @Autowired
    SiteCounters counters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** Runs every task at once from a latch, on its own thread. */
    static void race(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Runnable task : tasks) {
            done.add(pool.submit(() -> {
                go.await();
                task.run();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    @Test
    void twoInstancesCountEachVisitorOnceADayUnderParallelViews() throws Exception {
        // a second instance: its own bean (own salt cache), same database
        SiteCounters other = new SiteCounters(jdbc, clock);
        long before = counters.counts().visitors();
        String agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 " + System.nanoTime();
        List<Runnable> views = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            SiteCounters instance = i % 2 == 0 ? counters : other;
            String address = "203.0.113." + (i % 8); // 8 distinct visitors, 4 views each
            views.add(() -> instance.visit(address, agent));
        }
        race(views);

        assertThat(counters.counts().visitors() - before).isEqualTo(8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site_visitor WHERE visitor_hash = ?")
                        .param("203.0.113.1".getBytes())
                        .query(Long.class)
                        .single())
                .as("no raw address stored")
                .isZero();
    }

    @Test
    void botsAndRequestsWithoutAUserAgentAreNotCounted() {
        long before = counters.counts().visitors();
        assertThat(counters.visit("198.51.100.7", "Googlebot/2.1 (+http://www.google.com/bot.html)"))
                .isFalse();
        assertThat(counters.visit("198.51.100.7", "curl/8.5.0")).isFalse();
        assertThat(counters.visit("198.51.100.7", null)).isFalse();
        assertThat(counters.counts().visitors()).isEqualTo(before);
    }

    @Test
    void eachSubmittedTestCountsOnceEvenWhenItsEventArrivesTwiceOnTwoInstances() throws Exception {
        SiteCounters other = new SiteCounters(jdbc, clock);
        long before = counters.counts().tests();
        List<Runnable> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AttemptSubmitted event = new AttemptSubmitted(
                    ATTEMPTS.incrementAndGet(), 1, 1, AttemptMode.READINESS, 5, 10, 600, false, false, Instant.now());
            deliveries.add(() -> counters.on(event));
            deliveries.add(() -> other.on(event));
        }
        race(deliveries);

        assertThat(counters.counts().tests() - before).isEqualTo(10);
    }

    @Test
    void theHomePageShowsTheCountersAndHowTheyAreCounted() {
        String body = new WebSession(port).get("/").body();

        assertThat(body).contains("data-testid=\"tests-taken\"", "data-testid=\"visitors\"", "How we count");
        assertThat(body).contains("never store your address");
    }
}
