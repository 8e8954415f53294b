package org.worldbench.batch.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.analysis.Verdict;
import org.worldbench.analysis.VerdictSettings;
import org.worldbench.analysis.proof.NoiseModel;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.report.ReportService;
import org.worldbench.results.Baselines;
import org.worldbench.results.BenchmarkHistory;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.Machine;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.Machines;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStatus;
import org.worldbench.results.RunStore;
import org.worldbench.results.TrialRepository;

/**
 * The experiment job's compare step on a real database: runs are seeded through the store with
 * samples of known medians and noise, the step runs, and the stored verdicts, ratios, intervals,
 * p-values, baselines and change points are checked. No JMH: the samples are simulated with the
 * quiet-machine noise of docs/verdicts.md (1% per iteration, 0.5% per fork), from fixed seeds.
 */
@SpringBootTest
abstract class CompareStepContract {

    private static final Path REPORTS = temporaryFolder();
    private static final NoiseModel QUIET = new NoiseModel(0.005, 0.01, 0, 0);
    private static final String SLOW = "synthetic{size=10000,slowdown=10}";
    private static final String SAME = "synthetic{size=10000,slowdown=0}";
    /** History is per benchmark and machine, whatever the experiment: the history tests use parameters no other test does. */
    private static final String STEADY_HISTORY = "synthetic{size=4343,slowdown=10}";
    private static final String OWN_HISTORY = "synthetic{size=4242,slowdown=10}";

    @DynamicPropertySource
    static void reportsDirectory(DynamicPropertyRegistry registry) {
        registry.add("worldbench.reports-dir", REPORTS::toString);
    }

    @Autowired Machines machines;
    @Autowired RunRepository runs;
    @Autowired RunStore store;
    @Autowired TrialRepository trials;
    @Autowired ComparisonRepository comparisons;
    @Autowired Baselines baselines;
    @Autowired ExperimentSpecs specs;
    @Autowired VerdictSettings settings;
    @Autowired ComparisonHistory history;
    @Autowired BenchmarkHistory benchmarkHistory;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReportService reports;
    @Autowired ExperimentLauncher launcher;

    private Machine here;
    private long seed;
    /** Each test uses experiments of its own name, so latest and rolling baselines never see another test's runs. */
    private String experiment;
    private static int experiments;

    @BeforeEach
    void setUp(TestInfo test) {
        here = machines.findOrCreate(MachineFingerprint.current());
        experiment = "compare" + (++experiments);
        // samples depend on the test, not on the order tests run in
        seed = 1000L * test.getTestMethod().orElseThrow().getName().hashCode();
    }

    @Test
    void a_run_is_judged_as_a_whole_and_every_statistic_is_stored() {
        // given a completed baseline run and a run where one benchmark is 10% slower and allocates 48 B/op more from zero
        Run baseline = completed(spec("baseline: latest"), here, Map.of(SAME, 100.0, SLOW, 100.0), Map.of(SAME, 0.0, SLOW, 0.0));
        Run run = pending(spec("baseline: latest"), here, Map.of(SAME, 100.0, SLOW, 110.0), Map.of(SAME, 0.0, SLOW, 48.0));

        // when the compare step runs
        compare(run);

        // then the slowed benchmark regressed in time and heap, the other did not move
        Comparison slow = comparison(run, SLOW, MetricMeasurement.PRIMARY);
        assertThat(slow.getVerdict()).as(slow.getReason()).isEqualTo(Verdict.REGRESSED);
        assertThat(slow.getRatio()).isCloseTo(1.10, within(0.01));
        assertThat(slow.getChangePercent()).isCloseTo(10.0, within(1.0));
        assertThat(slow.getCiLow()).isLessThan(slow.getRatio()).isGreaterThan(1.03);
        assertThat(slow.getCiHigh()).isGreaterThan(slow.getRatio()).isLessThan(1.17);
        assertThat(slow.getConfidenceLevel()).isEqualTo(0.99);
        assertThat(slow.getEffectScale()).isEqualTo("ratio");
        assertThat(slow.getPValue()).isLessThan(1e-6);
        assertThat(slow.getAdjustedPValue()).isGreaterThanOrEqualTo(slow.getPValue()).isLessThan(0.01);
        assertThat(slow.getDirection()).isEqualTo("lower-is-better");
        assertThat(slow.getThresholdPercent()).isEqualTo(3.0);
        assertThat(slow.getBaselineMode()).isEqualTo("latest");
        assertThat(slow.getBaselineRunId()).isEqualTo(baseline.getId());
        assertThat(slow.getBaselineRunIds()).containsExactly(baseline.getId());
        assertThat(slow.isMachineForced()).isFalse();
        assertThat(slow.getReason()).containsPattern("\\+(9|10|11)\\.\\d%").contains("worse").contains("99% CI").contains("BH-adjusted");

        Comparison heap = comparison(run, SLOW, MetricMeasurement.GC_ALLOC_RATE_NORM);
        assertThat(heap.getVerdict()).as(heap.getReason()).isEqualTo(Verdict.REGRESSED);
        assertThat(heap.getEffectScale()).isEqualTo("difference");
        assertThat(heap.getReason()).contains("B/op from zero");

        Comparison same = comparison(run, SAME, MetricMeasurement.PRIMARY);
        assertThat(same.getVerdict()).as(same.getReason()).isEqualTo(Verdict.UNCHANGED);
        assertThat(same.getRatio()).isCloseTo(1.0, within(0.01));
        assertThat(comparison(run, SAME, MetricMeasurement.GC_ALLOC_RATE_NORM).getReason()).contains("allocates nothing on either side");
        // Benjamini–Hochberg saw all four comparisons of the run: the smallest p-value is multiplied by up to 4
        assertThat(comparisons.findByRunIdOrderById(run.getId())).hasSize(4);
        assertThat(runs.findById(run.getId()).orElseThrow().getBaselineRunId()).isEqualTo(baseline.getId());
    }

    @Test
    void the_step_is_idempotent() {
        completed(spec("baseline: latest"), here, Map.of(SLOW, 100.0), Map.of());
        Run run = pending(spec("baseline: latest"), here, Map.of(SLOW, 110.0), Map.of());

        compare(run);
        Comparison first = comparison(run, SLOW, MetricMeasurement.PRIMARY);
        compare(run);

        List<Comparison> again = comparisons.findByRunIdOrderById(run.getId());
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.getRatio()).isEqualTo(first.getRatio());
            assertThat(c.getCiLow()).isEqualTo(first.getCiLow());
            assertThat(c.getReason()).isEqualTo(first.getReason());
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comparison_baseline_run b JOIN comparison c ON c.id = b.comparison_id"
                + " WHERE c.run_id = ?", Long.class, run.getId())).isEqualTo(1L);
    }

    @Test
    void a_rolling_baseline_pools_the_forks_of_the_last_k_runs() {
        String spec = spec("baseline: {mode: rolling, runs: 2}");
        completed(spec, here, Map.of(SLOW, 90.0), Map.of());
        Run second = completed(spec, here, Map.of(SLOW, 100.0), Map.of());
        Run third = completed(spec, here, Map.of(SLOW, 100.0), Map.of());
        Run run = pending(spec, here, Map.of(SLOW, 110.0), Map.of());

        compare(run);

        Comparison c = comparison(run, SLOW, MetricMeasurement.PRIMARY);
        assertThat(c.getBaselineMode()).isEqualTo("rolling");
        assertThat(c.getBaselineRunIds()).containsExactly(second.getId(), third.getId());
        assertThat(c.getBaselineRunId()).isEqualTo(third.getId());
        assertThat(c.getBaselineMedian()).as("the 90 of the oldest run is not pooled").isCloseTo(100.0, within(1.0));
        assertThat(c.getVerdict()).as(c.getReason()).isEqualTo(Verdict.REGRESSED);
        assertThat(runs.findById(run.getId()).orElseThrow().getBaselineNote())
                .contains("last 2 completed runs").contains("runs " + second.getId() + ", " + third.getId());
        // the report shows the pooled forks: 5 of each run
        var metric = reports.load(run.getId()).benchmarks().getFirst().metric(MetricMeasurement.PRIMARY);
        assertThat(metric.baselineSamples()).hasNumberOfRows(10);
        assertThat(metric.statistics().baselineRunIds()).containsExactly(second.getId(), third.getId());
    }

    @Test
    void a_baseline_from_another_machine_is_refused_with_the_reason() {
        Machine other = otherMachine();
        Run there = completed(spec("baseline: latest"), other, Map.of(SLOW, 100.0), Map.of());
        baselines.promote("release" + experiment, there.getId());
        Run run = pending(spec("baseline: {mode: named, name: release" + experiment + "}"), here, Map.of(SLOW, 110.0), Map.of());

        compare(run);

        Comparison c = comparison(run, SLOW, MetricMeasurement.PRIMARY);
        assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.getReason()).contains("refusing to compare different machines").contains(other.getFingerprint());
        assertThat(c.isMachineForced()).isFalse();
        Run stored = runs.findById(run.getId()).orElseThrow();
        assertThat(stored.getBaselineRunId()).isNull();
        assertThat(stored.getBaselineNote()).contains("REFUSED").contains("--force-machine");
        String summary = report(run, "summary.md");
        assertThat(summary).contains("Baseline refused");
    }

    @Test
    void a_forced_comparison_across_machines_is_judged_and_says_so_everywhere() {
        Machine other = otherMachine();
        Run there = completed(spec("baseline: latest"), other, Map.of(SLOW, 100.0), Map.of());
        baselines.promote("release" + experiment, there.getId());
        Run run = pending(spec("baseline: {mode: named, name: release" + experiment + ", allow-other-machine: true}"), here,
                Map.of(SLOW, 110.0), Map.of());

        compare(run);

        Comparison c = comparison(run, SLOW, MetricMeasurement.PRIMARY);
        assertThat(c.getVerdict()).as(c.getReason()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.getReason()).startsWith("compared across machines because it was forced");
        assertThat(c.isMachineForced()).isTrue();
        assertThat(c.getBaselineRunIds()).containsExactly(there.getId());
        assertThat(runs.findById(run.getId()).orElseThrow().getBaselineNote()).contains("FORCED");
        assertThat(report(run, "summary.md")).contains("Compared across machines because it was forced");
        assertThat(report(run, "index.html")).contains("Compared across machines because it was forced");
        assertThat(report(run, "results.json")).contains("\"machineForced\": true");
    }

    @Test
    void force_machine_on_the_command_line_is_kept_in_the_run_snapshot() throws IOException {
        Path spec = Files.createTempFile(REPORTS, "spec", ".yaml");
        Files.writeString(spec, spec("baseline: {mode: named, name: main}"), StandardCharsets.UTF_8);

        Run forced = launcher.prepare(new ExperimentLauncher.Request(spec, null, null, Map.of(), true));
        Run plain = launcher.prepare(new ExperimentLauncher.Request(spec, null, null, Map.of()));

        assertThat(specs.snapshotOf(forced).baseline().allowOtherMachine()).isTrue();
        assertThat(specs.snapshotOf(forced).baseline().name()).isEqualTo("main");
        assertThat(specs.snapshotOf(plain).baseline().allowOtherMachine()).isFalse();
    }

    @Test
    void the_spec_overrides_minimum_effect_and_direction_per_benchmark() {
        completed(spec("baseline: latest"), here, Map.of(SLOW, 100.0), Map.of());
        Run wide = pending(spec("baseline: latest\nthresholds: {default: 3, benchmarks: {synthetic: 20}}"), here,
                Map.of(SLOW, 110.0), Map.of());
        compare(wide);
        Comparison withinTwentyPercent = comparison(wide, SLOW, MetricMeasurement.PRIMARY);
        assertThat(withinTwentyPercent.getThresholdPercent()).isEqualTo(20.0);
        assertThat(withinTwentyPercent.getVerdict()).as(withinTwentyPercent.getReason()).isEqualTo(Verdict.UNCHANGED);
        assertThat(withinTwentyPercent.getReason()).contains("20% minimum effect");

        Run upsideDown = pending(spec("baseline: latest\nthresholds: {directions: {synthetic: higher-is-better}}"), here,
                Map.of(SLOW, 110.0), Map.of());
        compare(upsideDown);
        Comparison higherIsBetter = comparison(upsideDown, SLOW, MetricMeasurement.PRIMARY);
        assertThat(higherIsBetter.getDirection()).isEqualTo("higher-is-better");
        assertThat(higherIsBetter.getVerdict()).as(higherIsBetter.getReason()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void a_new_step_in_the_history_is_stored_and_named_in_the_reason() {
        String spec = spec("baseline: latest");
        List<Run> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(completed(spec, here, Map.of(OWN_HISTORY, 100.0), Map.of()));
        }
        for (int i = 0; i < 4; i++) {
            history.add(completed(spec, here, Map.of(OWN_HISTORY, 110.0), Map.of()));
        }
        Run run = pending(spec, here, Map.of(OWN_HISTORY, 110.0), Map.of());

        compare(run);

        Comparison c = comparison(run, OWN_HISTORY, MetricMeasurement.PRIMARY);
        assertThat(c.getHistoryStatus()).isEqualTo("new-step");
        assertThat(c.getReason()).containsPattern("history: a new step of \\+(9\\.[5-9]|10\\.[0-4])%")
                .contains("starting at run " + history.get(10).getId())
                .contains("a persistent change, not noise");
        List<BenchmarkHistory.StoredChangePoint> points = benchmarkHistory.changePoints(here.getId(), c.getBenchmark().getId(),
                MetricMeasurement.PRIMARY);
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.runId()).isEqualTo(history.get(10).getId());
            assertThat(p.relativeChange()).isCloseTo(0.10, within(0.01));
            assertThat(p.pValue()).isLessThanOrEqualTo(0.01);
            assertThat(p.detectedByRunId()).isEqualTo(run.getId());
            assertThat(p.historyRuns()).isEqualTo(15);
        });
        assertThat(report(run, "index.html")).contains("new-step")
                .containsPattern("run " + history.get(10).getId() + ": \\+(9\\.[5-9]|10\\.[0-4])%");
    }

    @Test
    void a_steady_history_says_noise_and_stores_no_change_point() {
        String spec = spec("baseline: latest");
        for (int i = 0; i < 8; i++) {
            completed(spec, here, Map.of(STEADY_HISTORY, 100.0), Map.of());
        }
        Run run = pending(spec, here, Map.of(STEADY_HISTORY, 100.0), Map.of());

        compare(run);

        Comparison c = comparison(run, STEADY_HISTORY, MetricMeasurement.PRIMARY);
        assertThat(c.getHistoryStatus()).isIn("steady", "unconfirmed-deviation");
        assertThat(c.getReason()).contains("history: the latest run");
        assertThat(benchmarkHistory.changePoints(here.getId(), c.getBenchmark().getId(), MetricMeasurement.PRIMARY)).isEmpty();
    }

    @Test
    void degenerate_input_gives_inconclusive_with_a_reason_never_an_exception() {
        String spec = spec("baseline: latest");
        String nan = "synthetic{size=10000,slowdown=2}";
        String single = "synthetic{size=10000,slowdown=5}";
        completed(spec, here, Map.of(OWN_HISTORY, 100.0, nan, 100.0, single, 100.0), Map.of());
        Map<String, double[][]> primary = new LinkedHashMap<>();
        primary.put(OWN_HISTORY, samples(110.0));
        double[][] broken = samples(100.0);
        broken[2][3] = Double.NaN;
        primary.put(nan, broken);
        primary.put(single, new double[][] {{100.0}});
        primary.put("fk{model=chain7}", samples(50.0)); // not in the baseline
        Run run = seed(spec, here, primary, Map.of(), false);

        compare(run);

        assertThat(comparison(run, nan, MetricMeasurement.PRIMARY)).satisfies(c -> {
            assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.getReason()).contains("fork 3, iteration 4 is NaN");
            assertThat(c.getRatio()).isNull();
            assertThat(c.getCiLow()).isNull();
        });
        assertThat(comparison(run, single, MetricMeasurement.PRIMARY)).satisfies(c -> {
            assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.getReason()).contains("trial has 1 fork");
        });
        assertThat(comparison(run, "fk{model=chain7}", MetricMeasurement.PRIMARY)).satisfies(c -> {
            assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.getReason()).startsWith("new benchmark: baseline run").contains("has no result for it");
            assertThat(c.getBaselineRunIds()).isEmpty();
        });
        // the other benchmark of the same run is still judged
        assertThat(comparison(run, OWN_HISTORY, MetricMeasurement.PRIMARY).getVerdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void without_a_baseline_every_comparison_is_inconclusive_and_says_why() {
        Run first = pending(spec("baseline: latest"), here, Map.of(OWN_HISTORY, 100.0), Map.of());
        compare(first);
        assertThat(comparison(first, OWN_HISTORY, MetricMeasurement.PRIMARY)).satisfies(c -> {
            assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.getReason()).contains("this run is the first");
            assertThat(c.getBaselineMode()).isNull();
        });

        Run named = pending(spec("baseline: {mode: named, name: nowhere" + experiment + "}"), here, Map.of(OWN_HISTORY, 100.0), Map.of());
        compare(named);
        assertThat(comparison(named, OWN_HISTORY, MetricMeasurement.PRIMARY).getReason())
                .contains("no baseline 'nowhere" + experiment + "' on any machine");
    }

    // ---------------------------------------------------------------------------------------------

    private String spec(String baselineAndThresholds) {
        return "name: " + experiment + "\nbenchmarks: [synthetic, fk]\njmh:\n  forks: 5\n  measurement-iterations: 10\n"
                + baselineAndThresholds + "\n";
    }

    private void compare(Run run) {
        CompareTasklet tasklet = new CompareTasklet(run.getId(), specs, runs, trials, comparisons, store, baselines,
                settings, history);
        transactions.executeWithoutResult(tx -> tasklet.execute(mock(StepContribution.class), null));
    }

    private Comparison comparison(Run run, String label, String metric) {
        return comparisons.findByRunIdOrderById(run.getId()).stream()
                .filter(c -> c.getBenchmark().label().equals(label) && c.getMetric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no comparison of " + label + " / " + metric));
    }

    private Run completed(String spec, Machine machine, Map<String, Double> primary, Map<String, Double> bytes) {
        return seed(spec, machine, simulate(primary), constants(bytes), true);
    }

    private Run pending(String spec, Machine machine, Map<String, Double> primary, Map<String, Double> bytes) {
        return seed(spec, machine, simulate(primary), constants(bytes), false);
    }

    private Map<String, double[][]> simulate(Map<String, Double> medians) {
        Map<String, double[][]> samples = new TreeMap<>();
        medians.forEach((label, median) -> samples.put(label, samples(median)));
        return samples;
    }

    private double[][] samples(double median) {
        var s = QUIET.sample(new SplittableRandom(seed++), 5, 10, median);
        double[][] forks = new double[s.forkCount()][];
        for (int f = 0; f < forks.length; f++) {
            forks[f] = s.fork(f);
        }
        return forks;
    }

    /** Heap bytes per op: constant, as JMH reports for deterministic allocation (plus JMH's ~0.0001 B/op). */
    private static Map<String, double[][]> constants(Map<String, Double> bytes) {
        Map<String, double[][]> samples = new TreeMap<>();
        bytes.forEach((label, value) -> {
            double[][] forks = new double[5][10];
            for (double[] fork : forks) {
                Arrays.fill(fork, value + 0.0001);
            }
            samples.put(label, forks);
        });
        return samples;
    }

    /** Stores a run with one trial per label ("name{k=v,...}"), measured with the given samples. */
    private Run seed(String spec, Machine machine, Map<String, double[][]> primary, Map<String, double[][]> bytes, boolean completed) {
        Run run = runs.save(new Run(experiment, "", null, spec, machine, null, "main", Map.of(), Instant.now()));
        List<PlannedTrial> planned = new ArrayList<>();
        for (String label : primary.keySet()) {
            String name = label.substring(0, label.indexOf('{'));
            SequencedMap<String, String> parameters = PlannedTrial.parseKey(label.substring(label.indexOf('{') + 1, label.length() - 1));
            planned.add(new PlannedTrial(planned.size() + 1, name, "org.worldbench.benchmark." + name, parameters));
        }
        Map<Integer, Long> ids = store.planTrials(run.getId(), planned);
        for (PlannedTrial trial : planned) {
            List<MetricMeasurement> measured = new ArrayList<>();
            measured.add(metric(MetricMeasurement.PRIMARY, "ns/op", primary.get(trial.label())));
            if (bytes.containsKey(trial.label())) {
                measured.add(metric(MetricMeasurement.GC_ALLOC_RATE_NORM, "B/op", bytes.get(trial.label())));
            }
            store.saveMeasurement(ids.get(trial.ordinal()), new TrialMeasurement("avgt", primary.get(trial.label()).length,
                    Instant.now(), Instant.now(), measured));
        }
        if (completed) {
            run.markFinished(RunStatus.COMPLETED, null, Instant.now());
            run = runs.save(run);
        }
        return run;
    }

    private static MetricMeasurement metric(String name, String unit, double[][] samples) {
        double[] sorted = Arrays.stream(samples).flatMapToDouble(Arrays::stream).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double[] percentiles = {sorted[0], median, sorted[(int) (0.9 * (n - 1))], sorted[(int) (0.95 * (n - 1))],
                sorted[(int) (0.99 * (n - 1))], sorted[n - 1]};
        return new MetricMeasurement(name, unit, Arrays.stream(sorted).average().orElse(Double.NaN), Double.NaN, percentiles,
                samples);
    }

    private Machine otherMachine() {
        return machines.findOrCreate(new MachineFingerprint("Other CPU " + experiment, 64, 262_144, "Linux", "6.1", "amd64",
                "Other vendor", "25.0.1"));
    }

    private String report(Run run, String file) {
        try {
            return Files.readString(reports.write(run.getId()).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("worldbench-compare-reports");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
