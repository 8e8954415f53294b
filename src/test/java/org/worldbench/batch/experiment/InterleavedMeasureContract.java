package org.worldbench.batch.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialFailedException;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.plan.RoundOrder;
import org.worldbench.experiment.spec.JmhSettings;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.Machines;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * The measure step's order on a real database, without JMH: a stand-in measurer returns samples
 * that name their trial, fork and iteration ({@code ordinal * 1000 + fork * 100 + iteration}, fork
 * from 1), so the stored samples prove which fork went where. Interleaved rounds, a restart in the
 * middle of a round, a trial failing in a later round, and the sequential order kept as it was.
 */
@SpringBootTest
abstract class InterleavedMeasureContract {

    private static final int TRIALS = 4;
    private static final int FORKS = 3;
    private static final int ITERATIONS = 4;
    private static final Pattern FORK_LOG = Pattern.compile("(\\d{4})-synthetic(?:\\.f(\\d+))?\\.log");

    @Autowired ExperimentSpecs specs;
    @Autowired RunRepository runs;
    @Autowired TrialRepository trials;
    @Autowired TrialMetricRepository metrics;
    @Autowired RunStore store;
    @Autowired Machines machines;
    @Autowired JdbcTemplate jdbc;

    @TempDir
    Path reports;

    private final List<TrialProgress> events = new ArrayList<>();

    /** One call of the measurer: which trial, with how many forks, into which log. */
    record Call(int ordinal, int forks, String log) {
    }

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    @Test
    void interleaved_rounds_measure_fork_k_of_every_trial_in_round_k_each_round_in_its_own_order() {
        // given a planned run of 4 trials x 3 forks in interleaved order
        long runId = plannedRun("interleaved");
        Measurer measurer = new Measurer(call -> false);

        // when the measure step runs to its end
        measureToTheEnd(runId, measurer);

        // then round k measured fork k of every trial, in the round's own order, one fork per JMH run
        assertThat(measurer.calls).hasSize(TRIALS * FORKS).allSatisfy(c -> assertThat(c.forks()).isEqualTo(1));
        assertThat(measurer.calls).extracting(Call::ordinal).containsExactlyElementsOf(interleavedOrder(runId));
        assertThat(RoundOrder.of(runId, 2, ordinals())).isNotEqualTo(RoundOrder.of(runId, 1, ordinals()));
        assertThat(measurer.calls).extracting(Call::log).contains("0001-synthetic.f1.log", "0001-synthetic.f3.log");
        // every trial is complete with its 3 forks, each stored under its index in the trial
        assertEveryTrialComplete(runId, ordinals());
        assertThat(stagedForks(runId)).as("nothing left in the fork tables").isZero();
        // the progress says the round and counts forks
        assertThat(events.getFirst()).satisfies(e -> {
            assertThat(e.phase()).isEqualTo(TrialProgress.Phase.STARTED);
            assertThat(e.round()).isEqualTo(new TrialProgress.Round(1, FORKS, 1, TRIALS));
            assertThat(e.total()).isEqualTo(TRIALS * FORKS);
            assertThat(e.done()).isZero();
        });
        assertThat(events.get(2 * (TRIALS + 2) + 1)).satisfies(e -> {
            assertThat(e.round()).isEqualTo(new TrialProgress.Round(2, FORKS, 3, TRIALS));
            assertThat(e.done()).isEqualTo(TRIALS + 3);
        });
        assertThat(events.getLast().done()).isEqualTo(TRIALS * FORKS);
    }

    @Test
    void a_run_stopped_in_the_middle_of_a_round_resumes_with_the_fork_it_was_measuring_and_repeats_nothing() {
        // given a run whose measure step stopped (the database went away) while measuring the 3rd trial of round 2
        long runId = plannedRun("interleaved");
        List<Integer> expected = interleavedOrder(runId);
        int stopAt = TRIALS + 2;
        Measurer broken = new Measurer(call -> false);
        broken.machineFailureAt = stopAt;
        assertThatThrownBy(() -> measureToTheEnd(runId, broken)).isInstanceOf(IllegalStateException.class);
        assertThat(stagedForks(runId)).as("round 1 and two forks of round 2 stored").isEqualTo(TRIALS + 2);
        assertThat(trials.countByRunIdAndStatus(runId, TrialStatus.PENDING)).isEqualTo(TRIALS);

        // when a new process (a new tasklet, state from the database only) continues it
        Measurer resumed = new Measurer(call -> false);
        measureToTheEnd(runId, resumed);

        // then it begins with the interrupted fork, and every fork was stored exactly once
        assertThat(resumed.calls).extracting(Call::ordinal).containsExactlyElementsOf(expected.subList(stopAt, expected.size()));
        assertThat(resumed.calls.getFirst().log()).endsWith(".f2.log");
        assertEveryTrialComplete(runId, ordinals());
        assertThat(store.sampleCount(runId)).as("no sample lost or doubled").isEqualTo((long) TRIALS * 2 * FORKS * ITERATIONS);
    }

    @Test
    void a_trial_failing_in_round_2_is_failed_with_the_reason_and_left_out_of_round_3_while_the_others_complete() {
        // given the second trial of round 2 fails (its benchmark throws)
        long runId = plannedRun("interleaved");
        int failing = RoundOrder.of(runId, 2, ordinals()).get(1);
        Measurer measurer = new Measurer(call -> call.ordinal() == failing && call.log().endsWith(".f2.log"));

        // when the measure step runs
        measureToTheEnd(runId, measurer);

        // then that trial is failed with the fork and the reason, was not measured in round 3, and the run went on
        Trial failed = trial(runId, failing);
        assertThat(failed.getStatus()).isEqualTo(TrialStatus.FAILED);
        assertThat(failed.getFailure()).startsWith("fork 2 of 3: ").contains("the benchmark threw");
        assertThat(measurer.calls).filteredOn(c -> c.ordinal() == failing).extracting(Call::log)
                .containsExactly(String.format("%04d-synthetic.f1.log", failing), String.format("%04d-synthetic.f2.log", failing));
        assertThat(measurer.calls).hasSize(TRIALS * FORKS - 1);
        List<Integer> others = ordinals().stream().filter(o -> o != failing).toList();
        assertEveryTrialComplete(runId, others);
        assertThat(metrics.findByRun(runId)).extracting(TrialMetric::getTrialId).doesNotContain(failed.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample WHERE trial_id = ?", Long.class, failed.getId()))
                .as("a failed trial has no results").isZero();
        assertThat(events).filteredOn(e -> e.round() != null && e.round().number() == 3)
                .allSatisfy(e -> assertThat(e.round().size()).isEqualTo(TRIALS - 1));
        assertThat(events.getLast().done()).isEqualTo(events.getLast().total()).isEqualTo(TRIALS * FORKS - 1);
    }

    @Test
    void sequential_order_measures_trial_after_trial_with_all_forks_in_one_jmh_run() {
        long runId = plannedRun("sequential");
        Measurer measurer = new Measurer(call -> false);

        measureToTheEnd(runId, measurer);

        assertThat(measurer.calls).containsExactly(IntStream.rangeClosed(1, TRIALS)
                .mapToObj(o -> new Call(o, FORKS, String.format("%04d-synthetic.log", o))).toArray(Call[]::new));
        assertEveryTrialComplete(runId, ordinals());
        assertThat(events).allSatisfy(e -> assertThat(e.round()).isNull());
    }

    private void assertEveryTrialComplete(long runId, List<Integer> ordinals) {
        for (int ordinal : ordinals) {
            Trial trial = trial(runId, ordinal);
            assertThat(trial.getStatus()).isEqualTo(TrialStatus.DONE);
            assertThat(trial.getForks()).isEqualTo(FORKS);
            assertThat(trial.getMode()).isEqualTo("avgt");
            double[][] samples = store.samples(List.of(trial.getId()), MetricMeasurement.PRIMARY).get(trial.getId());
            assertThat(samples).hasDimensions(FORKS, ITERATIONS);
            for (int fork = 0; fork < FORKS; fork++) {
                for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                    assertThat(samples[fork][iteration]).as("trial %d fork %d iteration %d", ordinal, fork, iteration)
                            .isEqualTo(value(ordinal, fork + 1, iteration));
                }
            }
            TrialMetric primary = metrics.findByRun(runId).stream()
                    .filter(m -> m.getTrialId().equals(trial.getId()) && m.getMetric().equals(MetricMeasurement.PRIMARY))
                    .findFirst().orElseThrow();
            assertThat(primary.getSampleCount()).isEqualTo(FORKS * ITERATIONS);
            assertThat(primary.getUnit()).isEqualTo("ns/op");
            // mean over forks 1..3 and iterations 0..3: ordinal * 1000 + 200 + 1.5
            assertThat(primary.getScore()).isEqualTo(ordinal * 1000 + 201.5);
        }
    }

    private Trial trial(long runId, int ordinal) {
        return trials.findByRunIdOrderByOrdinal(runId).stream().filter(t -> t.getOrdinal() == ordinal).findFirst().orElseThrow();
    }

    private long stagedForks(long runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM trial_fork f JOIN trial t ON t.id = f.trial_id WHERE t.run_id = ?",
                Long.class, runId);
    }

    private static List<Integer> ordinals() {
        return IntStream.rangeClosed(1, TRIALS).boxed().toList();
    }

    private static List<Integer> interleavedOrder(long runId) {
        List<Integer> order = new ArrayList<>();
        for (int round = 1; round <= FORKS; round++) {
            order.addAll(RoundOrder.of(runId, round, ordinals()));
        }
        return order;
    }

    private long plannedRun(String order) {
        String spec = "name: rounds-" + order + "\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: [0, 2, 5, 10]\njmh:\n  forks: " + FORKS
                + "\n  measurement-iterations: " + ITERATIONS + "\n  order: " + order + "\nbaseline: none\n";
        Run run = runs.save(new Run("rounds-" + order, "", null, spec, machines.findOrCreate(MachineFingerprint.current()), null,
                "main", Map.of(), Instant.now()));
        new PlanTrialsTasklet(run.getId(), specs, runs, trials, store).execute(mock(StepContribution.class), null);
        assertThat(trials.countByRunId(run.getId())).isEqualTo(TRIALS);
        return run.getId();
    }

    private void measureToTheEnd(long runId, Measurer measurer) {
        MeasureTrialsTasklet tasklet = new MeasureTrialsTasklet(runId, specs, runs, trials, store, measurer,
                event -> events.add((TrialProgress) event), reports, Clock.systemUTC());
        StepContribution contribution = mock(StepContribution.class);
        for (int calls = 0; calls < 100; calls++) {
            if (tasklet.execute(contribution, null) == RepeatStatus.FINISHED) {
                return;
            }
        }
        throw new AssertionError("the measure step did not end");
    }

    private static double value(int ordinal, int fork, int iteration) {
        return ordinal * 1000 + fork * 100 + iteration;
    }

    /** Measures nothing: returns samples that say which trial, fork and iteration they are. */
    private static final class Measurer implements TrialMeasurer {
        final List<Call> calls = new ArrayList<>();
        final Predicate<Call> benchmarkFails;
        int machineFailureAt = -1;

        Measurer(Predicate<Call> benchmarkFails) {
            this.benchmarkFails = benchmarkFails;
        }

        @Override
        public TrialMeasurement measure(PlannedTrial trial, JmhSettings settings, Path log) {
            Call call = new Call(trial.ordinal(), settings.forks(), log.getFileName().toString());
            if (calls.size() == machineFailureAt) {
                throw new IllegalStateException("the database went away");
            }
            calls.add(call);
            if (benchmarkFails.test(call)) {
                throw new TrialFailedException(trial.label() + " failed: the benchmark threw", null);
            }
            Matcher name = FORK_LOG.matcher(call.log());
            assertThat(name.matches()).as(call.log()).isTrue();
            assertThat(Integer.parseInt(name.group(1))).isEqualTo(trial.ordinal());
            int firstFork = name.group(2) == null ? 1 : Integer.parseInt(name.group(2));
            double[][] time = new double[settings.forks()][ITERATIONS];
            double[][] bytes = new double[settings.forks()][ITERATIONS];
            for (int f = 0; f < settings.forks(); f++) {
                for (int i = 0; i < ITERATIONS; i++) {
                    time[f][i] = value(trial.ordinal(), firstFork + f, i);
                    bytes[f][i] = 0.0001;
                }
            }
            return new TrialMeasurement("avgt", settings.forks(), Instant.now(), Instant.now(), List.of(
                    MetricMeasurement.pooled(MetricMeasurement.PRIMARY, "ns/op", time),
                    MetricMeasurement.pooled(MetricMeasurement.GC_ALLOC_RATE_NORM, "B/op", bytes)));
        }
    }
}
