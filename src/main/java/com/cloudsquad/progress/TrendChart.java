package com.cloudsquad.progress;

import com.cloudsquad.platform.DisplayTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The score trend as a server-rendered SVG (no script, so it works under the Content-Security-Policy
 * and without JavaScript), with the same points as a table for screen readers and small screens.
 * Coordinates are computed here; the template only places them.
 */
record TrendChart(List<Point> points, String polyline, int passY, int width, int height) {

    static final int WIDTH = 600;
    static final int HEIGHT = 200;
    static final int PAD = 24;

    record Point(long attemptId, int x, int y, int score, boolean passed, String mode, String when) {}

    static TrendChart of(List<ProgressStore.AttemptRow> oldestFirst, int passingScore, ZoneId zone) {
        List<Point> points = new ArrayList<>();
        int n = oldestFirst.size();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ProgressStore.AttemptRow a = oldestFirst.get(i);
            int x = n == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (n - 1);
            int y = y(a.scaledScore());
            points.add(new Point(
                    a.attemptId(),
                    x,
                    y,
                    a.scaledScore(),
                    a.passed(),
                    Dashboard.modeLabel(a.mode()),
                    DisplayTime.dateTime(a.closedAt(), zone)));
            line.append(String.format(Locale.ROOT, "%d,%d ", x, y));
        }
        return new TrendChart(points, line.toString().strip(), y(passingScore), WIDTH, HEIGHT);
    }

    /** Scaled scores 100–1000 from bottom to top. */
    static int y(int score) {
        return HEIGHT - PAD - (Math.max(100, Math.min(1000, score)) - 100) * (HEIGHT - 2 * PAD) / 900;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
