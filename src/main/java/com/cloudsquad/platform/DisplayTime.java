package com.cloudsquad.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write a moment: in the reader's own time zone, with the zone named, so "when" on a
 * list agrees with the day a streak counts.
 */
public final class DisplayTime {

    /** The zone's abbreviation at that moment (CET or CEST, JST, UTC), in English. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private DisplayTime() {}

    /** "2026-11-30 23:40 CET": the moment in {@code zone}, with the zone's short name. */
    public static String dateTime(Instant instant, ZoneId zone) {
        ZoneId named = zone.equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : zone; // "UTC", not "Z"
        return DATE_TIME.format(instant.atZone(named));
    }
}
