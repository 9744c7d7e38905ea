package com.cloudsquad.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class ThrottleCleanupIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void endedWindowsAndForgottenBackOffsAreDeletedCurrentOnesKept() {
        Instant now = Instant.now(); // the shared database: delete only what is really due
        String address = "cleanup-" + UUID.randomUUID();
        RequestRateLimit oldWindow =
                new RequestRateLimit(jdbc, Clock.fixed(now.minus(Duration.ofHours(2)), ZoneOffset.UTC));
        RequestRateLimit currentWindow = new RequestRateLimit(jdbc, Clock.fixed(now, ZoneOffset.UTC));
        oldWindow.hit("test", address, 5, Duration.ofHours(1));
        currentWindow.hit("test", address, 5, Duration.ofHours(1));
        String staleKey = "account:stale-" + address;
        String freshKey = "account:fresh-" + address;
        new LoginThrottle(jdbc, Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC)).claim(staleKey);
        new LoginThrottle(jdbc, Clock.fixed(now, ZoneOffset.UTC)).claim(freshKey);

        new ThrottleCleanup(jdbc, Clock.fixed(now, ZoneOffset.UTC)).cleanUp();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_rate WHERE bucket LIKE ?")
                        .param("test:" + address + ":%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT throttle_key FROM login_throttle WHERE throttle_key IN (?, ?)")
                        .params(staleKey, freshKey)
                        .query(String.class)
                        .list())
                .containsExactly(freshKey);
    }
}
