package org.worldbench.report.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.worldbench.analysis.ThreadScaling;
import org.worldbench.batch.importer.ImportLauncher;
import org.worldbench.report.engines.ThreadScalingTable.Row;
import org.worldbench.results.Run;
import org.worldbench.testsupport.db.H2Test;

/**
 * {@code worldbench scaling} on a stored run: every benchmark with a {@code threads} parameter gets
 * T × median(time with 1 thread) / median(time with T threads) per combination of its other
 * parameters, with an interval around it; a combination without its 1-thread trial is noted, and a
 * benchmark without {@code threads} is left out.
 */
@SpringBootTest
@H2Test
class ThreadScalingH2Test {

    @Autowired ImportLauncher importer;
    @Autowired ThreadScalingService scaling;

    @Test
    void each_thread_count_is_compared_with_one_thread_of_the_same_parameters() throws Exception {
        // given a run with parallelWorlds (HEAP and HIERARCHICAL at 1 and 2 threads, INLINE only at 2), the control, and fk
        Path file = Path.of(getClass().getResource("/samples/jmh-thread-scaling-synthetic.json").toURI());
        Run run = importer.store(new ImportLauncher.Request(file, null, "parallel-scaling", null, null, null));

        // when its scaling is computed against 1.9
        ThreadScalingTable table = scaling.table(run.getId(), 1.9);

        // then one row per benchmark and parameters other than threads, sorted, fk left out
        assertThat(table.rows()).extracting(Row::benchmark).containsExactly(
                "parallelSpinControl",
                "parallelWorlds{allocation=HEAP,settleSteps=200}",
                "parallelWorlds{allocation=HIERARCHICAL,settleSteps=200}",
                "parallelWorlds{allocation=INLINE,settleSteps=200}");
        assertThat(table.rows()).extracting(Row::threads).containsOnly(2);
        Row control = table.rows().get(0);
        assertThat(control.scaling()).isEqualTo(2.0);
        assertThat(control.against()).isEqualTo(ThreadScaling.Against.MET);
        Row heap = table.rows().get(1);
        assertThat(heap.medianOne()).isEqualTo(40e6);
        assertThat(heap.medianThreads()).isEqualTo(42e6);
        assertThat(heap.scaling()).isEqualTo(2 * 40.0 / 42.0);
        assertThat(heap.low()).isLessThan(1.9);
        assertThat(heap.high()).isGreaterThan(heap.scaling());
        assertThat(heap.against()).isEqualTo(ThreadScaling.Against.NOT_SHOWN);
        assertThat(heap.forksOne()).isEqualTo(2);
        assertThat(heap.forksThreads()).isEqualTo(2);
        Row hierarchical = table.rows().get(2);
        assertThat(hierarchical.scaling()).isEqualTo(2 * 40.0 / 60.0);
        assertThat(hierarchical.against()).isEqualTo(ThreadScaling.Against.MISSED);
        Row inline = table.rows().get(3);
        assertThat(inline.hasScaling()).isFalse();
        assertThat(inline.against()).isNull();
        assertThat(inline.note()).isEqualTo("threads=1: no trial with threads=1 in run " + run.getId());

        // and the printed table shows them, with the target column
        String markdown = table.markdown();
        assertThat(markdown).contains("thread scaling of run " + run.getId() + " (parallel-scaling)")
                .contains("| parallelWorlds{allocation=HEAP,settleSteps=200} | 2 | 40.0 ms | 42.0 ms | 2 / 2 | 1.90 | [")
                .contains("| parallelSpinControl | 2 | 100 ms | 100 ms | 2 / 2 | 2.00 | [")
                .contains("| not shown |").contains("| met |").contains("| missed |")
                .contains("| – | threads=1: no trial with threads=1 in run " + run.getId() + " | – |");
        // reproducible: the same data gives the same interval
        assertThat(scaling.table(run.getId(), Double.NaN).rows().get(1).low()).isEqualTo(heap.low());
    }

    @Test
    void a_paired_trial_is_scaled_from_its_own_iterations_next_to_the_two_trial_rows() throws Exception {
        // given a run with parallelWorldsPaired (HEAP, 3 forks, the second a JVM 1.6x slower on both halves, every
        // iteration's 2 x oneThreadMs / allThreadsMs 1.95, 2 or 2.05), its threads=1 A/A trial, the paired spin
        // control (2 in every iteration) and parallelWorlds HEAP at 1 and 2 threads as separate trials
        Path file = Path.of(getClass().getResource("/samples/jmh-thread-scaling-paired-synthetic.json").toURI());
        Run run = importer.store(new ImportLauncher.Request(file, null, "parallel-paired", null, null, null));

        // when its scaling is computed against 1.9
        ThreadScalingTable table = scaling.table(run.getId(), 1.9);

        // then the paired rows come from their own trial (the A/A trial gives none), the two-trial row from its twin
        assertThat(table.rows()).extracting(Row::benchmark, Row::threads, Row::paired).containsExactly(
                tuple("parallelSpinControlPaired", 2, true),
                tuple("parallelWorldsPaired{allocation=HEAP,settleSteps=200}", 2, true),
                tuple("parallelWorlds{allocation=HEAP,settleSteps=200}", 2, false));
        Row spin = table.rows().get(0);
        assertThat(spin.scaling()).isEqualTo(2.0);
        assertThat(spin.low()).isEqualTo(2.0);
        assertThat(spin.high()).isEqualTo(2.0);
        assertThat(spin.medianOne()).isEqualTo(100e6); // stored in ms, shown in ns like every time of the table
        Row paired = table.rows().get(1);
        assertThat(paired.scaling()).isCloseTo(2.0, within(1e-12));
        assertThat(paired.low()).isBetween(1.95 - 1e-9, 2.0);
        assertThat(paired.high()).isBetween(2.0, 2.05 + 1e-9);
        assertThat(paired.against()).isEqualTo(ThreadScaling.Against.MET);
        assertThat(paired.medianOne()).isEqualTo(40e6);
        assertThat(paired.forksOne()).isEqualTo(3);
        assertThat(paired.forksThreads()).isEqualTo(3);
        Row twoTrials = table.rows().get(2);
        assertThat(twoTrials.scaling()).isEqualTo(2 * 40.0 / 42.0);

        // and the printed table marks the paired forks
        assertThat(table.markdown()).contains("Rows with *paired* forks measured 1 and T threads alternately")
                .contains("| parallelWorldsPaired{allocation=HEAP,settleSteps=200} | 2 | 40.0 ms | ")
                .contains(" | 3 paired | 2.00 | [")
                .contains("| parallelWorlds{allocation=HEAP,settleSteps=200} | 2 | 40.0 ms | 42.0 ms | 2 / 2 | 1.90 | [");
    }

    @Test
    void an_unknown_run_is_named() {
        assertThatThrownBy(() -> scaling.table(987_654, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no run with id 987654");
    }

    @Test
    void a_run_without_threads_has_no_rows() throws Exception {
        Path file = Path.of(getClass().getResource("/samples/jmh-allocators-2026-11-24.json").toURI());
        Run run = importer.store(new ImportLauncher.Request(file, null, "allocators", null, null, null));

        assertThat(scaling.table(run.getId(), 1.9).rows()).isEqualTo(List.of());
    }
}
