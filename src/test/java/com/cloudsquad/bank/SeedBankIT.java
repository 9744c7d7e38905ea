package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seed bank is loaded on the first start, through the import pipeline, and never twice. */
@CloudSquadIntegrationTest
class SeedBankIT {

    @Autowired
    SeedBank seed;

    @Autowired
    JdbcClient jdbc;

    long seeded() {
        return jdbc.sql("SELECT COUNT(*) FROM question_version WHERE created_by = 'seed' AND version_no = 1")
                .query(Long.class)
                .single();
    }

    @Test
    void theSeedIsLoadedOnceAndPublished() throws Exception {
        assertThat(seeded()).isGreaterThanOrEqualTo(300);
        assertThat(jdbc.sql("SELECT SUM(questions) FROM bank_seed")
                        .query(Long.class)
                        .single())
                .isEqualTo(seeded());
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM question q JOIN certification c ON c.id = q.certification_id
                        JOIN question_version v ON v.question_id = q.id AND v.version_no = 1
                        WHERE v.created_by = 'seed' AND q.status = 'PUBLISHED' AND c.code = 'SAA-C03'""").query(Long.class).single()).isGreaterThanOrEqualTo(200);
        long before = seeded();

        seed.run(null); // a restart
        seed.loadOnce(SeedBank.FILES.get(0)); // a second instance racing the first

        assertThat(seeded()).isEqualTo(before);
    }
}
