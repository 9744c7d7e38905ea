package com.cloudsquad.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The real client path (our Bedrock configuration, Spring AI's Converse chat model, the AWS SDK)
 * against a local stub of the Converse HTTP API: what is sent, and how throttling, server errors,
 * a slow answer and malformed output come back to the report writer.
 */
class BedrockConverseClientTests {

    static final String MODEL_ID = "eu.amazon.nova-lite-v1:0";

    static HttpServer server;
    static final ConcurrentLinkedDeque<StubAnswer> answers = new ConcurrentLinkedDeque<>();
    static final ConcurrentLinkedDeque<String[]> requests = new ConcurrentLinkedDeque<>();

    record StubAnswer(int status, String errorType, String body, long delayMillis) {}

    BedrockRuntimeClient client;
    SpringAiAnalysisModel model;

    @BeforeAll
    static void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", BedrockConverseClientTests::handle);
        server.start();
        System.setProperty(
                "aws.endpointUrlBedrockRuntime",
                "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        warmUp();
    }

    /**
     * One call with a generous timeout before the tests: the SDK's and Spring AI's first call loads
     * and initialises thousands of classes, which on a busy machine took longer than the tests'
     * 1.5 s read timeout and failed whichever test ran first.
     */
    static void warmUp() {
        answers.add(new StubAnswer(200, null, converse(FakeChatModel.VALID_REPORT, 1, 1), 0));
        AnalysisProperties properties = properties(Duration.ofSeconds(60));
        BedrockConfiguration configuration = new BedrockConfiguration();
        try (BedrockRuntimeClient warm = configuration.analysisBedrockClient(properties)) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("chatModel", configuration.analysisChatModel(warm, properties));
            new SpringAiAnalysisModel(
                            beans.getBeanProvider(ChatModel.class),
                            properties,
                            new AnalysisMetrics(new SimpleMeterRegistry()))
                    .writeReport(facts());
        }
    }

    static AnalysisProperties properties(Duration readTimeout) {
        return new AnalysisProperties(
                new AnalysisProperties.Bedrock(true, MODEL_ID, "eu-west-1", Duration.ofSeconds(2), readTimeout, 2000),
                3,
                Duration.ZERO,
                Duration.ofMinutes(5),
                Duration.ofSeconds(2),
                5,
                1000,
                new AnalysisProperties.Prices(BigDecimal.ONE, BigDecimal.TEN));
    }

    @AfterAll
    static void stopStub() {
        server.stop(0);
        System.clearProperty("aws.endpointUrlBedrockRuntime");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new String[] {exchange.getRequestURI().getRawPath(), body});
        StubAnswer answer = answers.poll();
        if (answer == null) {
            answer = new StubAnswer(500, "InternalServerException", "{\"message\":\"no answer scripted\"}", 0);
        }
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.errorType() != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
        }
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout)
        }
        exchange.close();
    }

    static String converse(String text, int in, int out) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + escaped
                + "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + in + ",\"outputTokens\":" + out
                + ",\"totalTokens\":" + (in + out) + "},\"metrics\":{\"latencyMs\":12}}";
    }

    static AnalysisFacts facts() {
        return new AnalysisFacts(
                "SAA-C03",
                "AWS Certified Solutions Architect – Associate",
                "READINESS",
                6,
                10,
                650,
                false,
                720,
                List.of(
                        new AnalysisFacts.DomainFact("Design Secure Architectures", 30, 1, 3),
                        new AnalysisFacts.DomainFact("Design Resilient Architectures", 26, 5, 7)),
                List.of(new AnalysisFacts.MissedTopic("Design Secure Architectures", "kms", 2)),
                List.of(new AnalysisFacts.PastScore("2026-11-20", "READINESS", 50, 600)));
    }

    @BeforeEach
    void buildClient() {
        answers.clear();
        requests.clear();
        AnalysisProperties properties = properties(Duration.ofMillis(1500));
        BedrockConfiguration configuration = new BedrockConfiguration();
        client = configuration.analysisBedrockClient(properties);
        ChatModel chatModel = configuration.analysisChatModel(client, properties);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("chatModel", chatModel);
        registry = new SimpleMeterRegistry();
        model = new SpringAiAnalysisModel(
                beans.getBeanProvider(ChatModel.class), properties, new AnalysisMetrics(registry));
    }

    SimpleMeterRegistry registry;

    /** How many report calls {@code cloudsquad.bedrock.calls} timed with this outcome. */
    long calls(String outcome) {
        var timer = registry.find(AnalysisMetrics.CALLS)
                .tag("purpose", "report")
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    double tokens(String type) {
        var counter = registry.find(AnalysisMetrics.TOKENS)
                .tag("purpose", "report")
                .tag("type", type)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void theRequestNamesTheModelAndCarriesTheAttemptsFactsAndTheUsageIsRead() {
        answers.add(new StubAnswer(200, null, converse(FakeChatModel.VALID_REPORT, 1500, 700), 0));

        AnalysisModel.Answer<AnalysisReport> answer = model.writeReport(facts());

        assertThat(answer.value().readiness()).isEqualTo("AI says: not yet ready.");
        assertThat(answer.value().studyPlan()).hasSize(7);
        assertThat(answer.inputTokens()).isEqualTo(1500);
        assertThat(answer.outputTokens()).isEqualTo(700);
        assertThat(requests).hasSize(1);
        String[] request = requests.peek();
        assertThat(request[0]).isEqualTo("/model/eu.amazon.nova-lite-v1%3A0/converse");
        assertThat(request[1])
                .contains("Design Secure Architectures, weight 30 %: 1 of 3 (33 %)")
                .contains("kms x2")
                .contains("estimated scaled score 650 (passing mark 720)")
                .contains("study coach") // the system prompt
                .contains("\"maxTokens\":2000");
        assertThat(calls("success")).isEqualTo(1);
        assertThat(tokens("input")).isEqualTo(1500);
        assertThat(tokens("output")).isEqualTo(700);
    }

    @Test
    void throttlingIsARetryableFailureAndTheNextCallSucceeds() {
        answers.add(new StubAnswer(429, "ThrottlingException", "{\"message\":\"Too many requests\"}", 0));
        answers.add(new StubAnswer(200, null, converse(FakeChatModel.VALID_REPORT, 10, 20), 0));

        assertThatThrownBy(() -> model.writeReport(facts()))
                .isInstanceOfSatisfying(ModelCallFailedException.class, e -> assertThat(e.retryable())
                        .isTrue());
        assertThat(requests).hasSize(1); // the SDK itself does not retry: the writer counts tries
        assertThat(model.writeReport(facts()).outputTokens()).isEqualTo(20);
        assertThat(calls("throttled")).isEqualTo(1);
        assertThat(calls("success")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetryable() {
        answers.add(new StubAnswer(500, "InternalServerException", "{\"message\":\"boom\"}", 0));
        answers.add(new StubAnswer(503, "ServiceUnavailableException", "{\"message\":\"later\"}", 0));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> model.writeReport(facts()))
                    .isInstanceOfSatisfying(ModelCallFailedException.class, e -> assertThat(e.retryable())
                            .isTrue());
        }
        assertThat(requests).hasSize(2);
        assertThat(calls("server-error")).isEqualTo(2);
        assertThat(tokens("input")).isZero();
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsARetryableFailure() {
        answers.add(new StubAnswer(200, null, converse(FakeChatModel.VALID_REPORT, 10, 20), 4000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> model.writeReport(facts()))
                .isInstanceOfSatisfying(ModelCallFailedException.class, e -> assertThat(e.retryable())
                        .isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
        assertThat(calls("unreachable")).isEqualTo(1);
        assertThat(registry.get(AnalysisMetrics.CALLS)
                        .tag("outcome", "unreachable")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("the latency of the timed-out call")
                .isGreaterThanOrEqualTo(1400);
    }

    @Test
    void malformedOutputIsInvalidWithItsTokensCounted() {
        answers.add(new StubAnswer(200, null, converse("I cannot write JSON today.", 900, 12), 0));

        assertThatThrownBy(() -> model.writeReport(facts()))
                .isInstanceOfSatisfying(ModelOutputInvalidException.class, e -> {
                    assertThat(e.inputTokens()).isEqualTo(900);
                    assertThat(e.outputTokens()).isEqualTo(12);
                });
        assertThat(calls("invalid-output")).isEqualTo(1);
        assertThat(tokens("input")).isEqualTo(900);
        assertThat(tokens("output")).isEqualTo(12);
    }

    @Test
    void aRefusedRequestIsNotRetryable() {
        answers.add(new StubAnswer(
                400, "ValidationException", "{\"message\":\"The provided model identifier is invalid.\"}", 0));

        assertThatThrownBy(() -> model.writeReport(facts()))
                .isInstanceOfSatisfying(ModelCallFailedException.class, e -> assertThat(e.retryable())
                        .isFalse());
        assertThat(calls("refused")).isEqualTo(1);
    }
}
