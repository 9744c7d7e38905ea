package com.cloudsquad.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed question bank on the first start, when the bank is empty, through the same
 * import pipeline and rules as an admin upload. Each file is recorded in {@code bank_seed} in the
 * same transaction as its questions, so restarts and instances starting together load it once.
 */
@Component
class SeedBank implements ApplicationRunner {

    static final List<String> FILES = List.of("seed/saa-c03.json", "seed/clf-c02.json");
    private static final Logger log = LoggerFactory.getLogger(SeedBank.class);

    private final QuestionImport imports;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean enabled;

    SeedBank(
            QuestionImport imports,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${app.seed.enabled:true}") boolean enabled) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        List<String> loaded =
                jdbc.sql("SELECT name FROM bank_seed").query(String.class).list();
        boolean bankEmpty =
                jdbc.sql("SELECT COUNT(*) FROM question").query(Long.class).single() == 0;
        if (loaded.isEmpty() && !bankEmpty) {
            return; // a bank the admins built themselves: never mix the seed into it
        }
        FILES.stream().filter(file -> !loaded.contains(file)).forEach(this::loadOnce);
    }

    void loadOnce(String file) {
        ClassPathResource resource = new ClassPathResource(file);
        if (!resource.exists()) {
            return;
        }
        try {
            byte[] content = resource.getContentAsByteArray();
            Integer loaded = transactions.execute(status -> {
                jdbc.sql("INSERT INTO bank_seed (name, loaded_at, questions) VALUES (?, ?, 0)")
                        .params(file, Timestamp.from(clock.instant()))
                        .update();
                int created = imports.importAll("json", content, "seed");
                jdbc.sql("UPDATE bank_seed SET questions = ? WHERE name = ?")
                        .params(created, file)
                        .update();
                return created;
            });
            log.info("Seed question bank: loaded {} questions from {}", loaded, file);
        } catch (DuplicateKeyException loadedByAnotherInstance) {
            log.info("Seed question bank: {} already loaded by another instance", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
