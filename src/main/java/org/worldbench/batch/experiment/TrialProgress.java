package org.worldbench.batch.experiment;

import java.time.Duration;

/**
 * Published (as a Spring application event) when a trial starts and when it ends, so a front end
 * (the CLI's progress bar) can follow the measure step without polling.
 *
 * @param runId     the run
 * @param ordinal   the trial's position, from 1
 * @param total     trials in the run
 * @param done      trials finished (measured or failed) so far, this one included when it ended
 * @param label     benchmark with parameters, e.g. {@code synthetic{size=10000,slowdown=5}}
 * @param phase     what happened
 * @param nominal   warm-up plus measurement time of one trial as configured (JVM start-up not included)
 * @param failure   the failure message when {@code phase} is {@link Phase#FAILED}, otherwise null
 */
public record TrialProgress(long runId, int ordinal, int total, int done, String label, Phase phase, Duration nominal,
        String failure) {

    public enum Phase { STARTED, MEASURED, FAILED }
}
