package com.cloudsquad.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

class CloudWatchMetricsTests {

    final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(CloudWatchMetrics.class);

    @Test
    void offUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CloudWatchMeterRegistry.class));
        runner.withPropertyValues("management.cloudwatch.metrics.export.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CloudWatchMeterRegistry.class));
    }

    @Test
    void switchedOnItSendsTheMetersToTheConfiguredNamespace() {
        CloudWatchAsyncClient client = mock(CloudWatchAsyncClient.class);
        when(client.putMetricData(any(PutMetricDataRequest.class)))
                .thenReturn(CompletableFuture.completedFuture(
                        PutMetricDataResponse.builder().build()));

        runner.withBean(CloudWatchAsyncClient.class, () -> client)
                .withPropertyValues(
                        "management.cloudwatch.metrics.export.enabled=true",
                        "management.cloudwatch.metrics.export.namespace=CloudSquad/test")
                .run(context -> {
                    CloudWatchMeterRegistry registry = context.getBean(CloudWatchMeterRegistry.class);
                    registry.counter(AttemptMetrics.SUBMITTED, "mode", "readiness", "by", "clock")
                            .increment();
                    registry.timer("http.server.requests", "uri", "/attempts/{id}", "status", "200")
                            .record(java.time.Duration.ofMillis(40));
                    registry.gauge("jvm.threads.live", 42);
                    registry.close(); // publishes what the step holds so far
                });

        ArgumentCaptor<PutMetricDataRequest> sent = ArgumentCaptor.forClass(PutMetricDataRequest.class);
        verify(client, atLeastOnce()).putMetricData(sent.capture());
        assertThat(sent.getAllValues())
                .allSatisfy(r -> assertThat(r.namespace()).isEqualTo("CloudSquad/test"));
        var data = sent.getAllValues().stream()
                .flatMap(r -> r.metricData().stream())
                .toList();
        assertThat(data).anySatisfy(d -> assertThat(d.metricName()).contains("cloudsquad.attempts.submitted"));
        // request timings go by status, without the route (each tag value is a billed metric)
        assertThat(data)
                .filteredOn(d -> d.metricName().startsWith("http.server.requests"))
                .isNotEmpty()
                .allSatisfy(d ->
                        assertThat(d.dimensions()).noneMatch(dim -> dim.name().equals("uri")));
        assertThat(data).noneMatch(d -> d.metricName().startsWith("jvm.threads"));
    }
}
