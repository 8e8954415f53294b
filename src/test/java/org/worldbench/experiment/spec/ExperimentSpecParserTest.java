package org.worldbench.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.plan.TrialPlanner;

/** Specs are checked completely before anything runs; every problem names its file, line and key. */
class ExperimentSpecParserTest {

    static final BenchmarkCatalog CATALOG = BenchmarkCatalog.ofClassPath();

    @TempDir
    Path folder;

    private ExperimentSpecParser parser() throws IOException {
        Path suites = Files.createDirectories(folder.resolve("suites"));
        Files.writeString(suites.resolve("calibration.yaml"), "name: calibration\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: [0, 5]\n");
        return new ExperimentSpecParser(CATALOG, suites);
    }

    static List<org.junit.jupiter.params.provider.Arguments> invalidSpecs() {
        return InvalidSpecs.list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalid_spec_is_rejected_with_one_problem_naming_line_and_key(String name, String yaml, String expected) throws IOException {
        ExperimentSpecParser parser = parser();

        assertThatThrownBy(() -> parser.parse("spec.yaml", yaml))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
                    assertThat(e.problems().getFirst().toString()).startsWith(expected);
                });
    }

    @Test
    void the_table_holds_at_least_twenty_broken_specs() {
        assertThat(InvalidSpecs.list()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void every_problem_of_a_spec_is_reported_in_line_order_not_only_the_first() throws IOException {
        String yaml = """
                name: bad name
                benchmarks: [synthetic]
                matrix:
                  slowdown: [x]
                jmh:
                  forks: -1
                  heap: big
                """;

        assertThatThrownBy(() -> parser().parse("spec.yaml", yaml))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems())
                        .extracting(SpecProblem::line).containsExactly(1, 4, 6, 7));
    }

    @Test
    void problems_in_a_suite_file_name_the_suite_file_and_its_line() throws IOException {
        ExperimentSpecParser parser = parser();
        Files.writeString(folder.resolve("suites").resolve("broken.yaml"), "name: broken\nbenchmarks:\n  - nosuch\n");

        assertThatThrownBy(() -> parser.parse("spec.yaml", "name: x\nsuite: broken\n"))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.problems().getFirst().toString())
                        .startsWith(folder.resolve("suites").resolve("broken.yaml") + ":3: benchmarks[0]: unknown benchmark 'nosuch'"));
    }

    @Test
    void valid_spec_gives_its_settings_and_defaults() throws IOException {
        ExperimentSpec spec = parser().parse("spec.yaml", InvalidSpecs.VALID + "thresholds:\n  default: 2.5\n  benchmarks:\n    synthetic: 4\n");

        assertThat(spec.name()).isEqualTo("tiny");
        assertThat(spec.benchmarks()).containsExactly("synthetic");
        assertThat(spec.matrix()).containsEntry("slowdown", List.of("0"));
        assertThat(spec.jmh().forks()).isEqualTo(1);
        assertThat(spec.jmh().measurementTime()).isEqualTo(Duration.ofMillis(100));
        assertThat(spec.jmh().profilers()).as("gc is on by default").containsExactly("gc");
        assertThat(spec.baseline()).isEqualTo(BaselineSelection.DEFAULT);
        assertThat(spec.thresholds().defaultPercent()).isEqualTo(2.5);
        assertThat(spec.thresholds().percentFor("synthetic")).isEqualTo(4.0);
    }

    @Test
    void suite_gives_benchmarks_and_matrix_and_the_spec_matrix_overrides_it() throws IOException {
        ExperimentSpec fromSuite = parser().parse("spec.yaml", "name: x\nsuite: calibration\n");
        ExperimentSpec overridden = parser().parse("spec.yaml", "name: x\nsuite: calibration\nmatrix:\n  slowdown: [10]\n");

        assertThat(fromSuite.suite()).isEqualTo("calibration");
        assertThat(fromSuite.matrix()).containsEntry("slowdown", List.of("0", "5"));
        assertThat(overridden.matrix()).containsEntry("slowdown", List.of("10"));
    }

    @Test
    void canonical_snapshot_reads_back_to_the_same_spec() throws IOException {
        ExperimentSpec spec = parser().parse("spec.yaml", "name: x\nsuite: calibration\nbaseline: {mode: named, name: main}\n"
                + "tags: {team: physics}\njmh: {mode: avgt, time-unit: us, jvm-args: [-XX:+UseSerialGC], gc-between-iterations: true}\n");

        ExperimentSpec again = parser().parse("snapshot", ExperimentSpecWriter.toYaml(spec));

        assertThat(spec.jmh().gcBetweenIterations()).isTrue();
        assertThat(again).usingRecursiveComparison().ignoringFields("suite").isEqualTo(spec);
        assertThat(parser().parse("spec.yaml", "name: x\nsuite: calibration\n").jmh().gcBetweenIterations())
                .as("JMH's own default: no forced GC between iterations").isFalse();
    }

    @Test
    void order_is_interleaved_unless_the_spec_asks_for_sequential_and_survives_the_snapshot() throws IOException {
        ExperimentSpec sequential = parser().parse("spec.yaml", "name: x\nsuite: calibration\njmh: {order: sequential}\n");
        ExperimentSpec byDefault = parser().parse("spec.yaml", "name: x\nsuite: calibration\n");

        assertThat(sequential.jmh().order()).isEqualTo(MeasurementOrder.SEQUENTIAL);
        assertThat(byDefault.jmh().order()).isEqualTo(MeasurementOrder.INTERLEAVED);
        assertThat(parser().parse("snapshot", ExperimentSpecWriter.toYaml(sequential)).jmh().order())
                .isEqualTo(MeasurementOrder.SEQUENTIAL);
        assertThat(parser().parse("snapshot", ExperimentSpecWriter.toYaml(byDefault)).jmh().order())
                .isEqualTo(MeasurementOrder.INTERLEAVED);
    }

    @Test
    void rolling_baseline_machine_force_and_directions_are_read_and_survive_the_snapshot() throws IOException {
        ExperimentSpec spec = parser().parse("spec.yaml", "name: x\nsuite: calibration\n"
                + "baseline: {mode: rolling, runs: 7, allow-other-machine: true}\n"
                + "thresholds: {default: 2, directions: {synthetic: higher-is-better}}\n");

        assertThat(spec.baseline()).isEqualTo(new BaselineSelection(BaselineSelection.Mode.ROLLING, null, 7, true));
        assertThat(spec.thresholds().directionFor("synthetic")).contains(org.worldbench.analysis.Direction.HIGHER_IS_BETTER);
        assertThat(parser().parse("spec.yaml", "name: x\nsuite: calibration\nbaseline: rolling\n").baseline())
                .isEqualTo(BaselineSelection.rolling(BaselineSelection.DEFAULT_ROLLING_RUNS));
        assertThat(parser().parse("spec.yaml", "name: x\nsuite: calibration\n").thresholds().defaultPercent())
                .as("the verdict rule's default minimum effect").isEqualTo(3.0);

        ExperimentSpec again = parser().parse("snapshot", ExperimentSpecWriter.toYaml(spec));

        assertThat(again).usingRecursiveComparison().ignoringFields("suite").isEqualTo(spec);
    }

    @Test
    void matrix_expands_into_trials_in_a_stable_order_with_declared_defaults() throws IOException {
        ExperimentSpec spec = parser().parse("spec.yaml", "name: x\nbenchmarks: [synthetic]\nmatrix:\n  slowdown: [10, 0]\n");

        List<PlannedTrial> trials = TrialPlanner.plan(spec, CATALOG);

        assertThat(trials).extracting(PlannedTrial::label)
                .containsExactly("synthetic{size=10000,slowdown=10}", "synthetic{size=10000,slowdown=0}");
        assertThat(trials).extracting(PlannedTrial::ordinal).containsExactly(1, 2);
    }
}
