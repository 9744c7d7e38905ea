package com.cloudsquad.analysis;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The app with a fake chat model in place of Bedrock, and retries that do not wait. */
@TestConfiguration(proxyBeanMethods = false)
class AnalysisTestConfiguration {

    @Bean
    FakeChatModel fakeChatModel() {
        return new FakeChatModel();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    ReportWriter.Pause noPause() {
        return duration -> {};
    }
}
