package org.worldbench.experiment.spec;

import java.util.Locale;

/**
 * In which order the measure step runs the forks of a run's trials ({@code jmh.order}).
 *
 * <p>Why interleaved is the default: on a shared cloud machine the speed of the machine drifts over
 * minutes (measured here: the synthetic workload's forks were either about 24.4 or 25.7 µs, and the
 * slow mode came in clusters of a minute or so). With all forks of a trial back to back, a trial
 * caught in a slow minute is slow in every fork, its fork spread hides the drift, and it looks like
 * a real change. Spreading each trial's forks over the whole run (randomized multiple interleaved
 * trials, Abedi and Brecht, ICPE 2017) lets every trial sample the machine's states alike, and the
 * drift that remains becomes fork spread, which the fork-aware bootstrap sees.
 */
public enum MeasurementOrder {
    /** Rounds: round k measures fork k of every trial, in an order shuffled per round. */
    INTERLEAVED,
    /** Trial after trial, all forks of a trial back to back (one JMH run per trial). */
    SEQUENTIAL;

    /** The spec value: {@code interleaved} or {@code sequential}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeasurementOrder ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
