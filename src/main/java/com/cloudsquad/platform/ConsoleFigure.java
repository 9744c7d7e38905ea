package com.cloudsquad.platform;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * One tile at the top of the admin console: a label, its value as shown, and the page that lists
 * what was counted (null for none).
 */
public record ConsoleFigure(String label, String value, String link) {

    /** A count, written with thousands separators (12,345 for 12345). */
    public static ConsoleFigure count(String label, long value, String link) {
        return new ConsoleFigure(
                label, NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value), link);
    }
}
