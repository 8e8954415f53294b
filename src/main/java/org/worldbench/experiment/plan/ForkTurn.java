package org.worldbench.experiment.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The next fork an interleaved run measures, worked out from what is stored, so a restarted
 * process (even after kill -9) continues at the first (round, trial) that has no stored fork.
 *
 * <p>Round k measures fork k of every trial still being measured, in {@link RoundOrder}'s order of
 * round k. The forks of a trial are stored one per round, so every trial still being measured has
 * either k - 1 forks stored (its turn in round k is to come) or k (done for this round): the current
 * round is the smallest stored count plus one.
 *
 * @param round     the round, from 1
 * @param ordinal   the trial to measure
 * @param position  its place among the trials of this round, from 1
 * @param roundSize trials measured in this round
 */
public record ForkTurn(int round, int ordinal, int position, int roundSize) {

    /**
     * @param runId       seeds the rounds' orders
     * @param forks       forks per trial: the number of rounds
     * @param ordinals    every trial of the run, in plan order
     * @param storedForks forks stored so far by ordinal, for every trial still being measured (neither
     *                    complete nor failed)
     * @param complete    trials already complete; they were completed by the last round
     * @return the next fork, or empty when no trial is left to measure
     */
    public static Optional<ForkTurn> next(long runId, int forks, List<Integer> ordinals, Map<Integer, Integer> storedForks,
            int complete) {
        if (storedForks.isEmpty()) {
            return Optional.empty();
        }
        int round = storedForks.values().stream().mapToInt(Integer::intValue).min().orElseThrow() + 1;
        if (round > forks) {
            throw new IllegalStateException("a trial has all its " + forks + " forks stored but is not complete");
        }
        int remaining = (int) storedForks.values().stream().filter(stored -> stored == round - 1).count();
        int roundSize = storedForks.size() + (round == forks ? complete : 0);
        int ordinal = RoundOrder.of(runId, round, ordinals).stream()
                .filter(o -> storedForks.containsKey(o) && storedForks.get(o) == round - 1)
                .findFirst().orElseThrow(() -> new IllegalStateException("trials " + storedForks.keySet()
                        + " are not all among the run's trials " + ordinals));
        return Optional.of(new ForkTurn(round, ordinal, roundSize - remaining + 1, roundSize));
    }
}
