package com.cloudsquad.observability;

import com.cloudsquad.account.AccountPrincipal;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every log line written while a request is served carries {@code requestId} and, once the user
 * is known, {@code accountId} (a number: never the email or a name). The request id is the load
 * balancer's {@code X-Amzn-Trace-Id} when there is one, so a log line leads to the ALB access log,
 * and is sent back as {@code X-Request-Id}. Requests slower than {@code app.logging.slow-request}
 * are logged with their route pattern (ids, not values a user typed).
 */
@Configuration(proxyBeanMethods = false)
class RequestLogging {

    static final String REQUEST_ID = "requestId";
    static final String ACCOUNT_ID = "accountId";
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);
    // A client can send the trace header itself: only a short id-like value is taken over.
    private static final Pattern TRACE_ID = Pattern.compile("Root=([A-Za-z0-9-]{1,64})");

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(
            @Value("${app.logging.slow-request:PT1S}") Duration slowRequest, MeterRegistry meters) {
        // Before Spring Security (order -100), so what security logs has the request id too.
        var registration = new FilterRegistrationBean<>(new RequestIdFilter(slowRequest, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AccountIdFilter> accountIdFilter() {
        // After Spring Security, which has put the logged-in account into the context by then.
        var registration = new FilterRegistrationBean<>(new AccountIdFilter());
        registration.setOrder(0);
        return registration;
    }

    static String requestId(HttpServletRequest request) {
        String trace = request.getHeader("X-Amzn-Trace-Id");
        if (trace != null) {
            var root = TRACE_ID.matcher(trace);
            if (root.find()) {
                return root.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }

    static final class RequestIdFilter extends OncePerRequestFilter {

        private final Duration slowRequest;
        private final MeterRegistry meters;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean cpuMeasured = threads.isCurrentThreadCpuTimeSupported();

        RequestIdFilter(Duration slowRequest, MeterRegistry meters) {
            this.slowRequest = slowRequest;
            this.meters = meters;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String requestId = requestId(request);
            MDC.put(REQUEST_ID, requestId);
            response.setHeader(REQUEST_ID_HEADER, requestId);
            long started = System.nanoTime();
            long cpuStarted = cpuMeasured ? threads.getCurrentThreadCpuTime() : 0;
            try {
                chain.doFilter(request, response);
            } finally {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                if (cpuMeasured) {
                    // CPU time of the request's own thread (the work of a page or a save, without GC
                    // or background jobs), per route: what each step of exam day costs the app.
                    DistributionSummary.builder("cloudsquad.http.server.cpu")
                            .baseUnit("milliseconds")
                            .description("CPU time of the request thread")
                            .tag("method", request.getMethod())
                            .tag("uri", pattern != null ? pattern.toString() : "UNMATCHED")
                            .register(meters)
                            .record((threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000.0);
                }
                if (took.compareTo(slowRequest) >= 0) {
                    log.info(
                            "Slow request: {} {} answered {} in {} ms",
                            request.getMethod(),
                            pattern != null ? pattern : request.getRequestURI(),
                            response.getStatus(),
                            took.toMillis());
                }
                MDC.remove(ACCOUNT_ID);
                MDC.remove(REQUEST_ID);
            }
        }
    }

    static final class AccountIdFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal account) {
                MDC.put(ACCOUNT_ID, Long.toString(account.getAccountId()));
            }
            // Removed by RequestIdFilter once the request (and its slow-request line) is done.
            chain.doFilter(request, response);
        }
    }
}
