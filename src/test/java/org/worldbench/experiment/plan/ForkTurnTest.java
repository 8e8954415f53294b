package org.worldbench.experiment.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The next (round, trial) of an interleaved run, from the forks stored so far. */
class ForkTurnTest {

    private static final long RUN = 42;
    private static final List<Integer> TRIALS = List.of(1, 2, 3, 4, 5);

    @Test
    void taking_turns_from_nothing_stored_measures_every_trial_once_per_round_in_the_rounds_orders() {
        int forks = 3;
        Map<Integer, Integer> stored = new LinkedHashMap<>();
        TRIALS.forEach(t -> stored.put(t, 0));
        List<ForkTurn> turns = new ArrayList<>();
        int complete = 0;
        Optional<ForkTurn> next;
        while ((next = ForkTurn.next(RUN, forks, TRIALS, stored, complete)).isPresent()) {
            ForkTurn turn = next.get();
            turns.add(turn);
            int forksNow = stored.merge(turn.ordinal(), 1, Integer::sum);
            if (forksNow == forks) { // the trial's last fork completes it
                stored.remove(turn.ordinal());
                complete++;
            }
        }

        assertThat(turns).hasSize(TRIALS.size() * forks);
        for (int round = 1; round <= forks; round++) {
            List<ForkTurn> ofRound = turns.subList((round - 1) * TRIALS.size(), round * TRIALS.size());
            int r = round;
            assertThat(ofRound).allSatisfy(t -> assertThat(t.round()).isEqualTo(r));
            assertThat(ofRound).extracting(ForkTurn::ordinal).containsExactlyElementsOf(RoundOrder.of(RUN, round, TRIALS));
            assertThat(ofRound).extracting(ForkTurn::position).containsExactly(1, 2, 3, 4, 5);
            assertThat(ofRound).allSatisfy(t -> assertThat(t.roundSize()).isEqualTo(5));
        }
    }

    @Test
    void a_restart_mid_round_resumes_with_the_first_trial_of_the_round_that_has_no_fork_of_it() {
        List<Integer> round2 = RoundOrder.of(RUN, 2, TRIALS);
        Map<Integer, Integer> stored = new LinkedHashMap<>();
        TRIALS.forEach(t -> stored.put(t, 1));
        stored.put(round2.get(0), 2);
        stored.put(round2.get(1), 2);

        ForkTurn turn = ForkTurn.next(RUN, 3, TRIALS, stored, 0).orElseThrow();

        assertThat(turn).isEqualTo(new ForkTurn(2, round2.get(2), 3, 5));
    }

    @Test
    void a_failed_trial_is_left_out_of_later_rounds_and_the_round_shrinks() {
        List<Integer> round2 = RoundOrder.of(RUN, 2, TRIALS);
        Map<Integer, Integer> stored = new LinkedHashMap<>();
        TRIALS.forEach(t -> stored.put(t, 1));
        stored.remove(round2.get(0)); // failed in round 2: no longer among the trials being measured

        ForkTurn turn = ForkTurn.next(RUN, 3, TRIALS, stored, 0).orElseThrow();

        assertThat(turn).isEqualTo(new ForkTurn(2, round2.get(1), 1, 4));
    }

    @Test
    void nothing_left_is_the_end_and_a_trial_with_all_forks_but_not_complete_is_an_error() {
        assertThat(ForkTurn.next(RUN, 3, TRIALS, Map.of(), 5)).isEmpty();
        assertThatThrownBy(() -> ForkTurn.next(RUN, 3, TRIALS, Map.of(1, 3), 4)).isInstanceOf(IllegalStateException.class);
    }
}
