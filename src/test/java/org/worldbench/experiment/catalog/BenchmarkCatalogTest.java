package org.worldbench.experiment.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.worldbench.batch.experiment.ExperimentSpecs;
import org.worldbench.experiment.spec.ExperimentSpec;

/** The catalogue is read from META-INF/BenchmarkList at run time, with each parameter's Java type. */
class BenchmarkCatalogTest {

    private final BenchmarkCatalog catalog = BenchmarkCatalog.ofClassPath();

    @Test
    void synthetic_workload_is_listed_with_its_parameters_and_their_types() {
        BenchmarkDefinition synthetic = catalog.find("synthetic").orElseThrow();

        assertThat(synthetic.className()).isEqualTo("org.worldbench.benchmark.calibration.SyntheticWorkload");
        assertThat(synthetic.mode()).isEqualTo(Mode.AverageTime);
        assertThat(synthetic.parameters()).containsOnlyKeys("size", "slowdown");
        assertThat(synthetic.parameters().get("slowdown").declaredValues()).containsExactly("0", "2", "5", "10");
        assertThat(synthetic.parameters().get("slowdown").type()).isEqualTo(int.class);
    }

    @Test
    void parameter_values_are_checked_against_the_field_type() {
        ParameterDefinition slowdown = catalog.find("synthetic").orElseThrow().parameters().get("slowdown");
        ParameterDefinition mode = new ParameterDefinition("mode", List.of("AverageTime"), Mode.class);

        assertThat(slowdown.rejection("7")).isEmpty();
        assertThat(slowdown.rejection("7.5")).contains("expected int, got '7.5'");
        assertThat(mode.rejection("Throughput")).isEmpty();
        assertThat(mode.rejection("Fast")).get().asString().startsWith("'Fast' is not a value of Mode (Throughput, AverageTime");
    }

    @Test
    void two_benchmarks_with_one_method_name_are_refused_naming_both_classes() {
        var parameters = new LinkedHashMap<String, ParameterDefinition>();
        BenchmarkDefinition a = new BenchmarkDefinition("step", "org.example.A", Mode.AverageTime, parameters);
        BenchmarkDefinition b = new BenchmarkDefinition("step", "org.example.B", Mode.AverageTime, parameters);

        assertThatThrownBy(() -> new BenchmarkCatalog(List.of(a, b)))
                .hasMessageContaining("'step'").hasMessageContaining("org.example.A").hasMessageContaining("org.example.B");
    }

    @Test
    void every_shipped_experiment_spec_is_valid() throws IOException {
        try (Stream<Path> specs = Files.list(Path.of("config", "experiments"))) {
            List<Path> files = specs.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("quick.yaml", "standard.yaml", "allocators.yaml");
            for (Path file : files) {
                ExperimentSpec spec = ExperimentSpecs.parser(catalog, file).parse(file);
                assertThat(spec.benchmarks()).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void closest_names_come_first() {
        assertThat(BenchmarkCatalog.closest("syntetic", List.of("fk", "synthetic", "step"), 1)).containsExactly("synthetic");
        assertThat(BenchmarkCatalog.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
