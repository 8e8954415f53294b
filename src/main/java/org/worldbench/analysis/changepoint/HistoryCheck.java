package org.worldbench.analysis.changepoint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells, for the latest run of a benchmark, whether it starts a new level or is noise around the
 * current one, from the history of per-run medians on the same machine (oldest first, the latest run
 * last). Used beside a run's comparison: a REGRESSED verdict that is also a {@link Status#NEW_STEP}
 * is a persistent change; an {@link Status#UNCONFIRMED_DEVIATION} may still be a bad day.
 */
public final class HistoryCheck {

    public enum Status {
        /** Fewer than two minimum segments of history: nothing can be said yet. */
        TOO_SHORT,
        /** The latest run lies within the range of the runs since the last step. */
        STEADY,
        /** A change point was found recently and the latest run is at the new level. */
        NEW_STEP,
        /** The latest run lies outside the range of the current level, with no step confirmed (yet). */
        UNCONFIRMED_DEVIATION
    }

    /**
     * @param status what the latest run is
     * @param reason one sentence for a report
     * @param step   the recent change point, for {@link Status#NEW_STEP}
     * @param all    every change point of the history
     */
    public record Assessment(Status status, String reason, Optional<ChangePoint> step, List<ChangePoint> all) {
    }

    private HistoryCheck() {
    }

    /**
     * A step counts as new while its segment holds at most {@code 2·minimumSegment − 1} runs (the
     * latest included): detection needs {@code minimumSegment} runs at the new level and may lag a
     * little behind them.
     */
    public static Assessment assessLatest(double[] series, EDivisive.Settings settings) {
        int n = series.length;
        int minimum = settings.minimumSegment();
        if (n < 2 * minimum) {
            return new Assessment(Status.TOO_SHORT, "history has " + n + " runs; change points need at least "
                    + 2 * minimum, Optional.empty(), List.of());
        }
        List<ChangePoint> points = EDivisive.detect(series, settings);
        if (!points.isEmpty()) {
            ChangePoint last = points.getLast();
            int runsAtNewLevel = n - last.index();
            if (runsAtNewLevel <= 2 * minimum - 1) {
                return new Assessment(Status.NEW_STEP, String.format(Locale.ROOT,
                        "a step of %+.1f%% starting %d runs ago (run %d of %d), permutation p = %.3f",
                        100 * last.relativeChange(), runsAtNewLevel, last.index() + 1, n, last.pValue()),
                        Optional.of(last), points);
            }
        }
        int levelStart = points.isEmpty() ? 0 : points.getLast().index();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = levelStart; i < n - 1; i++) {
            min = Math.min(min, series[i]);
            max = Math.max(max, series[i]);
        }
        double latest = series[n - 1];
        int levelRuns = n - 1 - levelStart;
        if (latest < min || latest > max) {
            return new Assessment(Status.UNCONFIRMED_DEVIATION, String.format(Locale.ROOT,
                    "the latest run (%s) lies outside the range %s to %s of the %d runs at the current level; "
                            + "a step is confirmed once %d runs agree", fmt(latest), fmt(min), fmt(max), levelRuns,
                    minimum), Optional.empty(), points);
        }
        return new Assessment(Status.STEADY, String.format(Locale.ROOT,
                "the latest run (%s) lies within the range %s to %s of the %d runs at the current level",
                fmt(latest), fmt(min), fmt(max), levelRuns), Optional.empty(), points);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
