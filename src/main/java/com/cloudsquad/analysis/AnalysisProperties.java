package com.cloudsquad.analysis;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.analysis.*}: Bedrock (off unless enabled), retries, the work claim and the cost guard.
 *
 * @param maxTries calls to the model per report when it fails with throttling, 5xx or a timeout
 * @param retryBackoff the pause after the first failed call; doubled after the second
 * @param claimLease how long one instance owns a pending report before another may take it over
 * @param dailyReportsPerCandidate reports the model writes per candidate and UTC day (then rules)
 * @param dailyTokenBudget input + output tokens all model calls may use per UTC day (then rules)
 */
@ConfigurationProperties("app.analysis")
record AnalysisProperties(
        @DefaultValue Bedrock bedrock,
        @DefaultValue("3") int maxTries,
        @DefaultValue("PT1S") Duration retryBackoff,
        @DefaultValue("PT5M") Duration claimLease,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("5") int dailyReportsPerCandidate,
        @DefaultValue("2000000") long dailyTokenBudget,
        @DefaultValue Prices prices) {

    /**
     * @param modelId a Converse model or inference profile id
     * @param region empty: the default AWS region chain (AWS_REGION, the instance's region)
     * @param readTimeout how long one call may take before it counts as failed (and is retried)
     */
    record Bedrock(
            @DefaultValue("false") boolean enabled,

            @DefaultValue("us.anthropic.claude-haiku-4-5-20251001-v1:0")
            String modelId,

            @DefaultValue("") String region,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT60S") Duration readTimeout,
            @DefaultValue("4000") int maxTokens) {}

    /** USD per million tokens, for the estimate on the admin page (Claude Haiku 4.5 list prices). */
    record Prices(
            @DefaultValue("1.00") BigDecimal inputPerMillion,
            @DefaultValue("5.00") BigDecimal outputPerMillion) {}
}
