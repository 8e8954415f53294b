package org.worldbench.experiment.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rounds of an interleaved run: permutations that change from round to round, reproducible from the run id. */
class RoundOrderTest {

    private static final List<Integer> THIRTY = IntStream.rangeClosed(1, 30).boxed().toList();

    @Test
    void every_round_is_a_permutation_of_the_trials_and_consecutive_rounds_differ() {
        for (long runId = 1; runId <= 50; runId++) {
            for (List<Integer> ordinals : List.of(List.of(1, 2), List.of(1, 2, 3), THIRTY)) {
                List<Integer> previous = null;
                for (int round = 1; round <= 10; round++) {
                    List<Integer> order = RoundOrder.of(runId, round, ordinals);
                    assertThat(order).containsExactlyInAnyOrderElementsOf(ordinals);
                    assertThat(order).as("run %d round %d of %s", runId, round, ordinals).isNotEqualTo(previous);
                    previous = order;
                }
            }
        }
    }

    @Test
    void the_order_is_the_same_when_computed_again_and_depends_on_the_run() {
        assertThat(RoundOrder.of(7, 3, THIRTY)).isEqualTo(RoundOrder.of(7, 3, THIRTY));
        assertThat(RoundOrder.of(7, 3, THIRTY)).isNotEqualTo(RoundOrder.of(8, 3, THIRTY));
        assertThatThrownBy(() -> RoundOrder.of(7, 0, THIRTY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_trial_keeps_the_same_neighbour_through_five_rounds() {
        // the A/A proof's shape: 30 trials, 5 forks; a fixed neighbour would share the machine's state of its slot every time
        for (long runId = 1; runId <= 20; runId++) {
            Map<Integer, Set<Integer>> predecessors = new LinkedHashMap<>();
            for (int round = 1; round <= 5; round++) {
                List<Integer> order = RoundOrder.of(runId, round, THIRTY);
                for (int i = 1; i < order.size(); i++) {
                    predecessors.computeIfAbsent(order.get(i), k -> new HashSet<>()).add(order.get(i - 1));
                }
            }
            assertThat(predecessors.values()).as("run %d", runId).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(1));
        }
    }
}
