package org.worldbench.batch.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.spec.InvalidSpecException;
import org.worldbench.experiment.spec.InvalidSpecs;
import org.worldbench.report.ReportFiles;
import org.worldbench.report.ReportService;
import org.worldbench.experiment.spec.BaselineSelection;
import org.worldbench.results.Baselines;
import org.worldbench.results.Machine;
import org.worldbench.results.Machines;
import org.worldbench.results.RunRepository;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.Run;
import org.worldbench.results.RunStatus;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * The experiment job end to end on a real database, with JMH forking real JVMs (tiny settings:
 * 1 fork, 1 warm-up and 2 measured iterations of 100 ms): rows, raw samples, comparisons and
 * report files all present and consistent with each other. And an invalid spec stores nothing.
 */
@SpringBootTest
abstract class ExperimentJobContract {

    private static final Path REPORTS = temporaryFolder("worldbench-reports");
    private static final Path SPECS = temporaryFolder("worldbench-specs");
    /** Tables whose row counts must not change when a spec is rejected. */
    private static final List<String> TABLES = List.of("machine", "run", "run_tag", "benchmark", "trial", "trial_metric",
            "sample", "baseline", "comparison", "batch_job_instance", "batch_job_execution", "batch_step_execution");

    @DynamicPropertySource
    static void reportsDirectory(DynamicPropertyRegistry registry) {
        registry.add("worldbench.reports-dir", REPORTS::toString);
    }

    @Autowired ExperimentLauncher launcher;
    @Autowired Baselines baselines;
    @Autowired TrialRepository trials;
    @Autowired TrialMetricRepository metrics;
    @Autowired ComparisonRepository comparisons;
    @Autowired RunStore store;
    @Autowired ReportService reports;
    @Autowired JdbcTemplate jdbc;
    @Autowired Machines machineService;
    @Autowired RunRepository runs;

    static List<Arguments> invalidSpecs() {
        return InvalidSpecs.list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalid_spec_stores_nothing(String name, String yaml, String expected) {
        Map<String, Long> before = rowCounts();
        Path spec = write("spec.yaml", yaml);

        assertThatThrownBy(() -> launcher.run(request(spec)))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems().getFirst().toString())
                        .startsWith(expected.replace("spec.yaml", spec.toString())));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void run_stores_every_trial_with_its_samples_compares_with_a_named_baseline_and_writes_consistent_reports() throws IOException {
        String yaml = InvalidSpecs.VALID.replace("slowdown: [0]", "slowdown: [0, 10]");
        // given a first run, promoted to baseline 'main'
        Run first = launcher.run(request(write("first.yaml", yaml)));
        baselines.promote("main", first.getId());

        // when a second run asks for baseline 'main'
        Run second = launcher.run(request(write("second.yaml", yaml + "baseline: {mode: named, name: main}\n")));

        // then both runs are complete, on this machine
        for (Run run : List.of(first, second)) {
            assertThat(run.getStatus()).as(run.getFailure()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.getJobExecutionId()).isNotNull();
            assertThat(run.getMachine().getFingerprint()).isEqualTo(MachineFingerprint.current().hash());
            assertThat(run.getGitCommit()).isEqualTo("0123abc");
        }
        // every trial measured with 1 fork x 2 iterations of every metric, primary and heap bytes included
        List<Trial> measured = trials.findByRunIdOrderByOrdinal(second.getId());
        assertThat(measured).extracting(t -> t.getBenchmark().label())
                .containsExactly("synthetic{size=10000,slowdown=0}", "synthetic{size=10000,slowdown=10}");
        assertThat(measured).allSatisfy(t -> {
            assertThat(t.getStatus()).isEqualTo(TrialStatus.DONE);
            assertThat(t.getForks()).isEqualTo(1);
            assertThat(t.getMode()).isEqualTo("avgt");
        });
        List<TrialMetric> stored = metrics.findByRun(second.getId());
        assertThat(stored).extracting(TrialMetric::getMetric)
                .contains(MetricMeasurement.PRIMARY, MetricMeasurement.GC_ALLOC_RATE_NORM);
        assertThat(stored).allSatisfy(m -> assertThat(m.getSampleCount()).isEqualTo(2));
        assertThat(store.sampleCount(second.getId())).isEqualTo(2L * stored.size());
        Map<Long, double[][]> primary = store.samples(measured.stream().map(Trial::getId).toList(), MetricMeasurement.PRIMARY);
        assertThat(primary.values()).allSatisfy(forks -> assertThat(forks).hasDimensions(1, 2));
        // compared with the first run, metric by metric; one fork cannot show the fork spread, so no verdict
        List<Comparison> verdicts = comparisons.findByRunIdOrderById(second.getId());
        assertThat(verdicts).hasSize(4).allSatisfy(c -> {
            assertThat(c.getBaselineRunId()).isEqualTo(first.getId());
            assertThat(c.getBaselineMode()).isEqualTo("named");
            assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.getReason()).satisfiesAnyOf(
                    r -> assertThat(r).contains("has 1 fork; at least 2 per side are needed"),
                    r -> assertThat(r).contains("allocates nothing on either side"));
        });
        assertThat(comparisons.findByRunIdOrderById(first.getId()))
                .allSatisfy(c -> assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE));

        // the report files agree with the database
        Path folder = reports.folder(second.getId());
        for (String file : ReportService.FILES) {
            assertThat(folder.resolve(file)).isNotEmptyFile();
        }
        assertThat(ReportFiles.htmlResultRows(ReportFiles.parseHtml(read(folder.resolve("index.html"))))).isEqualTo(2);
        assertThat(ReportFiles.markdownRows(read(folder.resolve("summary.md")))).hasSize(2);
        String junit = read(folder.resolve("junit.xml"));
        ReportFiles.validateJUnitXml(junit);
        assertThat(junit).contains("tests=\"" + verdicts.size() + "\"")
                .contains("failures=\"" + verdicts.stream().filter(c -> c.getVerdict() == Verdict.REGRESSED).count() + "\"");
        assertThat(read(folder.resolve("results.csv")).lines()).hasSize(1 + stored.size());
        String json = read(folder.resolve("results.json"));
        assertThat((Integer) JsonPath.read(json, "$.baseline.runId")).isEqualTo(first.getId().intValue());
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("completed");
        for (int i = 0; i < measured.size(); i++) {
            List<List<Double>> fromJson = JsonPath.read(json, "$.benchmarks[" + i + "].metrics[0].samples");
            assertThat(fromJson.getFirst()).containsExactly(Arrays.stream(primary.get(measured.get(i).getId())[0]).boxed()
                    .toArray(Double[]::new));
        }
        // interleaved order (the default): one JMH log and JSON per trial and round
        assertThat(folder.resolve("jmh").resolve("0001-synthetic.f1.log")).content().contains("Result \"");
        assertThat(folder.resolve("jmh").resolve("0001-synthetic.f1.json")).isNotEmptyFile();

        // and a run measured in another unit (throughput instead of time) is not compared with them
        Run throughput = launcher.run(request(write("third.yaml", InvalidSpecs.VALID.replace("forks: 1", "forks: 1\n  mode: thrpt")
                + "baseline: {mode: named, name: main}\n")));
        assertThat(comparisons.findByRunIdOrderById(throughput.getId()))
                .filteredOn(c -> c.getMetric().equals(MetricMeasurement.PRIMARY)).singleElement().satisfies(c -> {
                    assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
                    assertThat(c.getReason()).isEqualTo("the baseline measured primary in ns/op, this run in ops/ns: not comparable");
                });
    }

    @Test
    void a_named_baseline_of_another_machine_is_never_used_and_the_note_says_where_it_is() {
        Machine here = machineService.findOrCreate(MachineFingerprint.current());
        Machine other = machineService.findOrCreate(new MachineFingerprint("Other CPU", 64, 262_144, "Linux", "6.1", "amd64",
                "Other vendor", "25.0.1"));
        Run there = new Run("elsewhere", "", null, "name: elsewhere", other, null, null, Map.of(), Instant.now());
        there.markFinished(RunStatus.COMPLETED, null, Instant.now());
        there = runs.save(there);
        baselines.promote("release", there.getId());
        Run mine = runs.save(new Run("elsewhere", "", null, "name: elsewhere", here, null, null, Map.of(), Instant.now()));

        Baselines.Choice named = baselines.choose(mine, new BaselineSelection(BaselineSelection.Mode.NAMED, "release"));
        Baselines.Choice latest = baselines.choose(mine, BaselineSelection.DEFAULT);

        // the named baseline is offered from the other machine, marked so; the compare step refuses it unless forced
        assertThat(named.run()).map(Run::getId).contains(there.getId());
        assertThat(named.otherMachine()).isTrue();
        assertThat(named.note()).contains("no baseline 'release' on this machine")
                .contains("it exists on machine " + other.getId());
        assertThat(latest.run()).as("a completed run of the experiment exists, but on another machine").isEmpty();
    }

    private static ExperimentLauncher.Request request(Path spec) {
        return new ExperimentLauncher.Request(spec, "0123abc", "test-branch", Map.of("suite", "contract"));
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        return counts;
    }

    private static Path write(String name, String yaml) {
        try {
            return Files.writeString(Files.createTempDirectory(SPECS, "spec").resolve(name), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
