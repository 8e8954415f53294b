package org.worldbench.batch.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.worldbench.batch.experiment.ExperimentLauncher;
import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.JmhTrialRunner;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.spec.InvalidSpecs;
import org.worldbench.importer.InvalidResultFileException;
import org.worldbench.importer.MalformedResultFiles;
import org.worldbench.importer.ResultFormat;
import org.worldbench.report.ReportFiles;
import org.worldbench.report.ReportService;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.Run;
import org.worldbench.results.RunStatus;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code importJob} end to end on a real database: DART's Google Benchmark file stored whole,
 * compared with the previous import and reported; worldbench's own JMH output imported gives the
 * verdicts of the native runs; and every malformed file leaves every table as it was.
 */
@SpringBootTest
abstract class ImportJobContract {

    private static final Path REPORTS = temporaryFolder("worldbench-import-reports");
    private static final List<String> TABLES = List.of("machine", "run", "run_tag", "benchmark", "trial", "trial_metric",
            "sample", "baseline", "comparison", "batch_job_instance", "batch_job_execution", "batch_step_execution");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @DynamicPropertySource
    static void reportsDirectory(DynamicPropertyRegistry registry) {
        registry.add("worldbench.reports-dir", REPORTS::toString);
    }

    @Autowired ImportLauncher importer;
    @Autowired ExperimentLauncher experiments;
    @Autowired TrialRepository trials;
    @Autowired ComparisonRepository comparisons;
    @Autowired RunStore store;
    @Autowired ReportService reports;
    @Autowired JdbcTemplate jdbc;

    static List<Arguments> malformed() {
        return MalformedResultFiles.list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_file_stores_nothing(String name, String format, String content, String expected) {
        Map<String, Long> before = rowCounts();
        Path file = write("bad.json", content);

        assertThatThrownBy(() -> importer.importFile(new ImportLauncher.Request(file, ResultFormat.ofCode(format), null, null,
                null, null)))
                .isInstanceOfSatisfying(InvalidResultFileException.class,
                        e -> assertThat(e.jsonPath() + ": " + e.problem()).contains(expected));

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void dart_google_benchmark_file_is_stored_whole_compared_with_the_previous_import_and_reported() throws IOException {
        Path file = sample("gbench-dart-release-2026-11-24.json");
        JsonNode rows = JSON.readTree(file.toFile()).get("benchmarks");

        // given a first import of DART's results, when the same results are imported again
        Run first = importer.importFile(new ImportLauncher.Request(file, null, null, "c0ffee1", "main", null));
        Run second = importer.importFile(new ImportLauncher.Request(file, ResultFormat.GBENCH, null, "c0ffee2", "main", null));

        // then both are complete imported runs of experiment 'dartbench' on the machine the file describes
        for (Run run : List.of(first, second)) {
            assertThat(run.getStatus()).as(run.getFailure()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.getOrigin()).isEqualTo("imported-gbench");
            assertThat(run.getExperiment()).isEqualTo("dartbench");
            assertThat(run.getMachine().getHostName()).isEqualTo("vm");
            assertThat(run.getMachine().getCores()).isEqualTo(2);
            assertThat(run.getTags()).containsEntry("dart_version", "6.12.1");
        }
        // every repetition row is a sample of every metric it carries; aggregate rows are not samples
        long expectedSamples = 0;
        for (JsonNode row : rows) {
            if (row.get("run_type").asString().equals("iteration")) {
                expectedSamples += 2; // real_time, cpu_time
                for (String field : row.propertyNames()) {
                    expectedSamples += List.of("bodies", "dofs", "contacts", "contacts_after_warmup", "contacts_end",
                            "max_cube_speed_end", "items_per_second").contains(field) ? 1 : 0;
                }
            }
        }
        assertThat(store.sampleCount(first.getId())).isEqualTo(expectedSamples);
        List<Trial> stored = trials.findByRunIdOrderByOrdinal(second.getId());
        assertThat(stored).hasSize(35).allSatisfy(t -> assertThat(t.getStatus()).isEqualTo(TrialStatus.DONE));
        Trial fk7 = stored.getFirst();
        assertThat(fk7.getBenchmark().label()).isEqualTo("BM_FK/7");
        assertThat(store.samples(List.of(fk7.getId()), MetricMeasurement.PRIMARY).get(fk7.getId()))
                .isDeepEqualTo(new double[][] {{885.27794441011326}, {806.38268819499785}, {799.52886754651104},
                        {842.90440907122218}, {812.95625353888613}});
        Double median = jdbc.queryForObject("SELECT p50 FROM trial_metric WHERE trial_id = ? AND metric = 'primary'",
                Double.class, fk7.getId());
        assertThat(median).as("Google Benchmark's median aggregate of BM_FK/7").isEqualTo(812.9562535388861);
        assertThat(jdbc.queryForObject("SELECT unit FROM trial_metric WHERE trial_id = ? AND metric = 'cpu_time'", String.class,
                fk7.getId())).isEqualTo("ns/op");

        // the second import is compared with the first. The samples are the same, but 5 repetitions
        // are fewer than the verdict rule's minimum of 6 per side (5 against 5 cannot reach the
        // significance a verdict needs), so the judgement is INCONCLUSIVE and says why.
        List<Comparison> verdicts = comparisons.findByRunIdOrderById(second.getId());
        assertThat(verdicts).filteredOn(c -> c.getMetric().equals(MetricMeasurement.PRIMARY)).hasSize(35)
                .allSatisfy(c -> {
                    assertThat(c.getBaselineRunId()).isEqualTo(first.getId());
                    assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
                    assertThat(c.getReason()).contains("has 5 samples; at least 6 per side are needed");
                });
        assertThat(comparisons.findByRunIdOrderById(first.getId()))
                .allSatisfy(c -> assertThat(c.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE));

        // and reported like any run
        Path folder = reports.folder(second.getId());
        for (String report : ReportService.FILES) {
            assertThat(folder.resolve(report)).isNotEmptyFile();
        }
        assertThat(ReportFiles.markdownRows(Files.readString(folder.resolve("summary.md")))).hasSize(35);
        assertThat(Files.readString(folder.resolve("index.html"))).contains("imported from gbench-dart-release-2026-11-24.json");
    }

    @Test
    void worldbench_jmh_output_imported_gives_the_same_verdicts_as_the_native_runs() throws IOException {
        // given two native runs of the synthetic benchmark (2 forks, so every comparator can judge them), in sequential
        // order: one JMH run, hence one JMH JSON file, per trial with both forks
        String spec = InvalidSpecs.VALID.replace("name: tiny", "name: roundtrip").replace("slowdown: [0]", "slowdown: [0, 20]")
                .replace("forks: 1", "forks: 2\n  order: sequential");
        Run nativeFirst = experiments.run(new ExperimentLauncher.Request(write("first.yaml", spec), "a1", "rt", Map.of()));
        Run nativeSecond = experiments.run(new ExperimentLauncher.Request(write("second.yaml", spec), "a2", "rt", Map.of()));
        assertThat(nativeSecond.getBaselineRunId()).isEqualTo(nativeFirst.getId());

        // when the JMH JSON that JMH itself wrote for each run is imported, in the same order
        Run importedFirst = importer.importFile(new ImportLauncher.Request(jmhJsonOf(nativeFirst), ResultFormat.JMH,
                "roundtrip-imported", "a1", "rt", null));
        Run importedSecond = importer.importFile(new ImportLauncher.Request(jmhJsonOf(nativeSecond), null,
                "roundtrip-imported", "a2", "rt", null));

        // then the imported second run is judged against the imported first, exactly as natively
        assertThat(importedSecond.getBaselineRunId()).isEqualTo(importedFirst.getId());
        assertThat(verdictsOf(importedSecond)).isEqualTo(verdictsOf(nativeSecond)).hasSize(4);
        assertThat(store.sampleCount(importedSecond.getId())).isEqualTo(store.sampleCount(nativeSecond.getId()));
    }

    /** benchmark/metric → verdict, medians and ratio. */
    private Map<String, String> verdictsOf(Run run) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Comparison c : comparisons.findByRunIdOrderById(run.getId())) {
            result.put(c.getBenchmark().label() + "/" + c.getMetric(), c.getVerdict() + " " + c.getTrialMedian() + " "
                    + c.getBaselineMedian() + " " + c.getRatio() + " " + c.getUnit());
        }
        return result;
    }

    /** The run's trials' JMH JSON files (one array each), joined into one array as one JMH invocation writes it. */
    private Path jmhJsonOf(Run run) throws IOException {
        List<String> elements = new ArrayList<>();
        for (Trial t : trials.findByRunIdOrderByOrdinal(run.getId())) {
            Path log = reports.folder(run.getId()).resolve("jmh").resolve(String.format("%04d-%s.log", t.getOrdinal(),
                    t.getBenchmark().getName()));
            String text = Files.readString(JmhTrialRunner.jsonResult(log)).strip();
            elements.add(text.substring(1, text.length() - 1).strip()); // drop the outer [ ]
        }
        return write("run-" + run.getId() + ".json", "[\n" + String.join(",\n", elements) + "\n]\n");
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        return counts;
    }

    private static Path sample(String name) {
        try {
            return Path.of(ImportJobContract.class.getResource("/samples/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(String name, String content) {
        try {
            return Files.writeString(Files.createTempDirectory(REPORTS, "in").resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
