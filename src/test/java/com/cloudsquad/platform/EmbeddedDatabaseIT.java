package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class EmbeddedDatabaseIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDatabaseListensOnThisMachineOnly() {
        // It runs without passwords (a developer's database): nothing outside may reach it.
        assertThat(jdbc.sql("SELECT @@bind_address")
                        .query((rs, n) -> rs.getString(1))
                        .single())
                .isEqualTo("127.0.0.1");
    }
}
