package org.worldbench.batch.experiment;

import java.time.Duration;

/**
 * Published (as a Spring application event) when a trial, or in interleaved order one fork of a
 * trial, starts and when it ends, so a front end (the CLI's progress bar) can follow the measure step
 * without polling.
 *
 * <p>Progress is counted in steps: a whole trial in sequential order, one fork in interleaved order.
 *
 * @param runId     the run
 * @param ordinal   the trial's position in the plan, from 1
 * @param total     steps in the run (trials, or forks of all trials; a failed trial's forks not measured are not counted)
 * @param done      steps finished (measured or failed) so far, this one included when it ended
 * @param label     benchmark with parameters, e.g. {@code synthetic{size=10000,slowdown=5}}
 * @param phase     what happened
 * @param nominal   warm-up plus measurement time of one step as configured (JVM start-up not included)
 * @param failure   the failure message when {@code phase} is {@link Phase#FAILED}, otherwise null
 * @param round     where an interleaved run stands, or null in sequential order
 */
public record TrialProgress(long runId, int ordinal, int total, int done, String label, Phase phase, Duration nominal,
        String failure, Round round) {

    /** Sequential order: no rounds. */
    public TrialProgress(long runId, int ordinal, int total, int done, String label, Phase phase, Duration nominal,
            String failure) {
        this(runId, ordinal, total, done, label, phase, nominal, failure, null);
    }

    public enum Phase { STARTED, MEASURED, FAILED }

    /**
     * @param number   the round, from 1
     * @param count    rounds in the run (forks per trial)
     * @param position the trial's place in this round's order, from 1
     * @param size     trials measured in this round
     */
    public record Round(int number, int count, int position, int size) {
    }
}
