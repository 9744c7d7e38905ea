package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DisplayTimeTests {

    @Test
    void aMomentIsWrittenInTheReadersZoneWithItsNameForThatDate() {
        Instant summer = Instant.parse("2026-07-01T10:00:00Z");
        Instant winter = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(DisplayTime.dateTime(summer, ZoneId.of("Europe/Paris"))).isEqualTo("2026-07-01 12:00 CEST");
        assertThat(DisplayTime.dateTime(winter, ZoneId.of("Europe/Paris"))).isEqualTo("2026-12-01 11:00 CET");
        assertThat(DisplayTime.dateTime(winter, ZoneId.of("Asia/Tokyo"))).isEqualTo("2026-12-01 19:00 JST");
        assertThat(DisplayTime.dateTime(winter, ZoneOffset.UTC)).isEqualTo("2026-12-01 10:00 UTC");
    }
}
