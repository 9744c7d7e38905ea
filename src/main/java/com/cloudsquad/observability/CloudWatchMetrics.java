package com.cloudsquad.observability;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Publishes the Micrometer meters (request timings, JVM, pool, attempt counters) to CloudWatch
 * when {@code management.cloudwatch.metrics.export.enabled=true} (the prod profile). Boot 4 has
 * no auto-configuration for this registry. The client uses the SDK's default chains: the
 * instance profile's credentials and the region of {@code AWS_REGION} or the instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("management.cloudwatch.metrics.export.enabled")
@EnableConfigurationProperties(CloudWatchMetrics.Properties.class)
class CloudWatchMetrics {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CloudWatchAsyncClient cloudWatchAsyncClient() {
        return CloudWatchAsyncClient.create();
    }

    @Bean
    CloudWatchMeterRegistry cloudWatchMeterRegistry(Properties properties, CloudWatchAsyncClient client) {
        CloudWatchConfig config = new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return properties.namespace();
            }

            @Override
            public Duration step() {
                return properties.step();
            }
        };
        CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, Clock.SYSTEM, client);
        // CloudWatch bills each metric (name x tags x statistic, ~0.30 USD a month): send the few
        // that answer "is it healthy", and request timings by method and status, not per route.
        registry.config()
                .meterFilter(MeterFilter.ignoreTags("uri", "exception", "error"))
                .meterFilter(MeterFilter.denyUnless(id -> EXPORTED.stream().anyMatch(id.getName()::startsWith)));
        return registry;
    }

    static final List<String> EXPORTED = List.of(
            "cloudsquad.",
            "http.server.requests",
            "hikaricp.connections.active",
            "hikaricp.connections.pending",
            "hikaricp.connections.timeout",
            "jvm.memory.used",
            "jvm.gc.pause",
            "process.cpu.usage",
            "tomcat.threads.busy");

    /**
     * @param namespace the CloudWatch namespace, one per environment (CloudSquad/prod)
     * @param step how often meters are sent; each metric sent costs, so once a minute
     */
    @ConfigurationProperties("management.cloudwatch.metrics.export")
    record Properties(String namespace, Duration step) {
        Properties {
            if (namespace == null || namespace.isBlank()) {
                namespace = "CloudSquad";
            }
            if (step == null) {
                step = Duration.ofMinutes(1);
            }
        }
    }
}
