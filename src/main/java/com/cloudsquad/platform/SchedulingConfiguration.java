package com.cloudsquad.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work: jobs (closing overdue attempts) run on every instance and claim their rows;
 * module event listeners run asynchronously after the publishing transaction commits, tracked
 * in the event publication registry so that none is lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {}
