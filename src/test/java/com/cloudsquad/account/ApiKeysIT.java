package com.cloudsquad.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.platform.AdminAudit;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class ApiKeysIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdminAudit audit;

    ApiKeys at(String instant) {
        return new ApiKeys(jdbc, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), audit);
    }

    @Test
    void theHundredAndTwentyFirstRequestOfAMinuteIsRefusedAndTheNextMinuteIsFresh() {
        ApiKeys keys = at("2026-05-01T10:00:10Z");
        String key = keys.create("rate test", "admin@cloudsquad.test");
        long id = keys.authenticate(key).orElseThrow().id();

        for (int i = 0; i < ApiKeys.REQUESTS_PER_MINUTE; i++) {
            assertThat(keys.tryAcquire(id)).isTrue();
        }
        assertThat(keys.tryAcquire(id)).isFalse();
        assertThat(keys.secondsToNextWindow()).isEqualTo(50);
        assertThat(at("2026-05-01T10:01:00Z").tryAcquire(id)).isTrue();
    }

    @Test
    void onlyAHashOfTheKeyIsStored() {
        String key = at("2026-05-01T10:00:00Z").create("hash test", "admin@cloudsquad.test");
        long clear = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = ? OR prefix = ?")
                .params(key, key)
                .query(Long.class)
                .single();
        assertThat(clear).isZero();
        assertThat(key).startsWith("csq_").hasSizeGreaterThan(40);
    }
}
