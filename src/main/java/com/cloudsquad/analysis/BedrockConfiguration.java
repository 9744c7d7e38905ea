package com.cloudsquad.analysis;

import org.springframework.ai.bedrock.converse.BedrockChatOptions;
import org.springframework.ai.bedrock.converse.BedrockProxyChatModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The Bedrock Converse chat model, only with {@code app.analysis.bedrock.enabled=true}. Spring
 * AI's own auto-configuration stays off ({@code spring.ai.model.chat=none}): we build the client
 * so its timeouts are ours and the SDK does not retry on its own (the report writer counts tries).
 * Credentials come from the default AWS chain (the Elastic Beanstalk instance role in production).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class BedrockConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "app.analysis.bedrock.enabled", havingValue = "true")
    BedrockRuntimeClient analysisBedrockClient(AnalysisProperties properties) {
        AnalysisProperties.Bedrock bedrock = properties.bedrock();
        Region region = bedrock.region().isBlank()
                ? DefaultAwsRegionProviderChain.builder().build().getRegion()
                : Region.of(bedrock.region());
        return BedrockRuntimeClient.builder()
                .region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(bedrock.connectTimeout())
                        .socketTimeout(bedrock.readTimeout()))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(bedrock.readTimeout())
                        .apiCallTimeout(bedrock.readTimeout().plus(bedrock.connectTimeout()))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "app.analysis.bedrock.enabled", havingValue = "true")
    ChatModel analysisChatModel(BedrockRuntimeClient analysisBedrockClient, AnalysisProperties properties) {
        return BedrockProxyChatModel.builder()
                .bedrockRuntimeClient(analysisBedrockClient)
                .defaultOptions(BedrockChatOptions.builder()
                        .model(properties.bedrock().modelId())
                        .maxTokens(properties.bedrock().maxTokens())
                        .temperature(0.3)
                        .build())
                .build();
    }
}
