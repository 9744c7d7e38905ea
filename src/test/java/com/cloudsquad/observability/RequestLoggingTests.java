package com.cloudsquad.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestLoggingTests {

    @Test
    void theRequestIdIsTheLoadBalancersTraceRoot() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Amzn-Trace-Id", "Self=1-5f1;Root=1-67891233-abcdef012345678912345678;Sampled=1");

        assertThat(RequestLogging.requestId(request)).isEqualTo("1-67891233-abcdef012345678912345678");
    }

    @Test
    void withoutATraceOrWithAForgedOneItIsANewId() {
        MockHttpServletRequest plain = new MockHttpServletRequest();
        MockHttpServletRequest forged = new MockHttpServletRequest();
        forged.addHeader("X-Amzn-Trace-Id", "Root=\"}{\"accountId\":\"1");

        assertThat(RequestLogging.requestId(plain)).matches("[0-9a-f-]{36}");
        assertThat(RequestLogging.requestId(forged)).matches("[0-9a-f-]{36}");
    }
}
