package org.worldbench.experiment.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of the trials within each round of an interleaved run ({@code jmh.order: interleaved}):
 * a permutation of the run's trial ordinals, shuffled per round, so that no trial always runs at
 * the same time of the round or after the same neighbour (randomized multiple interleaved trials,
 * Abedi and Brecht, ICPE 2017).
 *
 * <p>Reproducible without storing it: the shuffle of round k is seeded by the run id and k, so a
 * restarted process computes the same order and resumes at the first (round, trial) not stored yet.
 * A round whose shuffle happens to repeat the previous round's order is shuffled again (next seed),
 * so consecutive rounds always differ when there are at least two trials.
 */
public final class RoundOrder {

    private RoundOrder() {
    }

    /**
     * The order of round {@code round} (from 1).
     *
     * @param ordinals every trial ordinal of the run (failed and finished ones included, so the
     *                 order does not depend on what has happened so far), in plan order
     */
    public static List<Integer> of(long runId, int round, List<Integer> ordinals) {
        if (round < 1) {
            throw new IllegalArgumentException("rounds count from 1, got " + round);
        }
        List<Integer> previous = null;
        List<Integer> order = null;
        for (int r = 1; r <= round; r++) {
            order = shuffled(runId, r, ordinals, previous);
            previous = order;
        }
        return order;
    }

    private static List<Integer> shuffled(long runId, int round, List<Integer> ordinals, List<Integer> previous) {
        List<Integer> order = new ArrayList<>(ordinals);
        // Collections.shuffle's algorithm and java.util.Random's generator are both specified: the
        // same seed gives the same order on every JDK.
        Random random = new Random(seed(runId, round));
        Collections.shuffle(order, random);
        while (ordinals.size() > 1 && order.equals(previous)) {
            Collections.shuffle(order, random);
        }
        return List.copyOf(order);
    }

    /** Mixes run id and round into one seed (SplitMix64's finaliser), so nearby runs do not get related orders. */
    static long seed(long runId, int round) {
        long z = runId * 0x9E3779B97F4A7C15L + round;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
