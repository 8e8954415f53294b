package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.plan.TrialPlanner;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.ExperimentSpecParser;

/**
 * The suites and experiment specs shipped in {@code config/} are valid against this build's
 * benchmarks, and the quick suite stays quick.
 */
class ShippedSuitesTest {

    private static final Path CONFIG = Path.of("config");
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.ofClassPath();
    private static final ExperimentSpecParser PARSER = new ExperimentSpecParser(CATALOG, CONFIG.resolve("suites"));
    /** What the CLI's progress bar assumes a fork costs beyond its iterations (JVM start, set-up). */
    private static final Duration FORK_OVERHEAD = Duration.ofSeconds(2);

    static Stream<Path> shippedSpecs() throws IOException {
        return Files.list(CONFIG.resolve("experiments")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedSpecs")
    void every_shipped_spec_is_valid_and_plans_trials(Path spec) {
        assertThat(TrialPlanner.plan(PARSER.parse(spec), CATALOG)).isNotEmpty();
    }

    @Test
    void the_quick_workload_experiment_takes_about_three_minutes_on_two_cores() {
        ExperimentSpec spec = PARSER.parse(CONFIG.resolve("experiments/workloads-quick.yaml"));
        List<PlannedTrial> trials = TrialPlanner.plan(spec, CATALOG);
        assertThat(trials).hasSize(15);
        assertThat(nominalDuration(spec, trials)).isLessThanOrEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void the_parallel_scaling_experiment_gives_every_two_thread_trial_its_one_thread_twin_in_interleaved_forks() {
        ExperimentSpec spec = PARSER.parse(CONFIG.resolve("experiments/parallel-scaling.yaml"));
        List<PlannedTrial> trials = TrialPlanner.plan(spec, CATALOG);
        assertThat(trials).extracting(PlannedTrial::benchmark).containsOnly("parallelWorlds", "parallelSpinControl",
                "parallelCacheControl");
        assertThat(trials).hasSize(10);
        List<String> withoutThreads = trials.stream().map(ShippedSuitesTest::withoutThreads).toList();
        for (PlannedTrial t : trials) {
            assertThat(t.parameters().get("threads")).isIn("1", "2");
            assertThat(withoutThreads.stream().filter(withoutThreads(t)::equals)).as(t.label()).hasSize(2);
        }
        assertThat(spec.jmh().order()).isEqualTo(org.worldbench.experiment.spec.MeasurementOrder.INTERLEAVED);
        assertThat(spec.jmh().forks()).isGreaterThanOrEqualTo(8);
        assertThat(nominalDuration(spec, trials)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_paired_experiment_measures_one_and_two_threads_inside_every_fork_of_its_two_thread_trials() {
        ExperimentSpec spec = PARSER.parse(CONFIG.resolve("experiments/parallel-paired.yaml"));
        List<PlannedTrial> trials = TrialPlanner.plan(spec, CATALOG);
        assertThat(trials).extracting(PlannedTrial::benchmark).containsOnly("parallelWorldsPaired", "parallelSpinControlPaired",
                "parallelCacheControlPaired");
        assertThat(trials).hasSize(5);
        assertThat(trials).extracting(t -> t.parameters().get("threads")).containsOnly("2");
        assertThat(trials).filteredOn(t -> t.benchmark().equals("parallelWorldsPaired"))
                .extracting(t -> t.parameters().get("allocation")).containsExactly("HEAP", "INLINE", "HIERARCHICAL");
        assertThat(spec.jmh().order()).isEqualTo(org.worldbench.experiment.spec.MeasurementOrder.INTERLEAVED);
        assertThat(spec.jmh().forks()).isGreaterThanOrEqualTo(10);
        assertThat(nominalDuration(spec, trials)).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    /** The planned measuring time of a spec's trials, with {@link #FORK_OVERHEAD} per fork. */
    private static Duration nominalDuration(ExperimentSpec spec, List<PlannedTrial> trials) {
        Duration perTrial = spec.jmh().nominalTrialTime().plus(FORK_OVERHEAD.multipliedBy(spec.jmh().forks()));
        return perTrial.multipliedBy(trials.size());
    }

    private static String withoutThreads(PlannedTrial trial) {
        var parameters = new java.util.TreeMap<>(trial.parameters());
        parameters.remove("threads");
        return trial.benchmark() + parameters;
    }

    /**
     * docs/verdicts.md proves the verdict rule's error rates "at the default settings of
     * standard.yaml" with the proof specs, whose iterations are shorter so that they fit a quiet
     * window; the counts that decide power (forks, iterations) and the threshold must be standard's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"proof-aa.yaml", "proof-power.yaml"})
    void the_proof_specs_use_the_standard_experiments_forks_iterations_and_threshold(String proof) {
        ExperimentSpec standard = PARSER.parse(CONFIG.resolve("experiments/standard.yaml"));
        ExperimentSpec spec = PARSER.parse(CONFIG.resolve("experiments").resolve(proof));
        assertThat(spec.jmh().forks()).isEqualTo(standard.jmh().forks());
        assertThat(spec.jmh().warmupIterations()).isEqualTo(standard.jmh().warmupIterations());
        assertThat(spec.jmh().measurementIterations()).isEqualTo(standard.jmh().measurementIterations());
        assertThat(spec.jmh().order()).isEqualTo(standard.jmh().order());
        assertThat(spec.thresholds().defaultPercent()).isEqualTo(standard.thresholds().defaultPercent());
    }

    @Test
    void standard_and_full_suites_cover_every_workload_configuration() {
        ExperimentSpec standard = PARSER.parse(CONFIG.resolve("experiments/standard.yaml"));
        List<PlannedTrial> trials = TrialPlanner.plan(standard, CATALOG);
        assertThat(trials).hasSize(117);
        assertThat(trials).filteredOn(t -> !t.benchmark().equals("parallelSpinControl"))
                .extracting(t -> t.parameters().get("allocation")).containsOnly("HEAP", "INLINE", "HIERARCHICAL");
        ExperimentSpec full = PARSER.parse("full.yaml", "name: full\nsuite: full\n");
        assertThat(TrialPlanner.plan(full, CATALOG)).hasSize(1482);
    }
}
