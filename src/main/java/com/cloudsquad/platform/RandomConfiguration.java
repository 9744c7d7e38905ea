package com.cloudsquad.platform;

import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Randomness comes from one injected, thread-safe source so tests can pin it. */
@Configuration(proxyBeanMethods = false)
class RandomConfiguration {

    @Bean
    RandomGenerator randomGenerator() {
        return new Random();
    }
}
