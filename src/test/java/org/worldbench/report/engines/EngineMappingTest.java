package org.worldbench.report.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.catalog.BenchmarkDefinition;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.importer.ImportedBenchmark;
import org.worldbench.importer.ResultFiles;

/** Mapping files: the shipped DART mapping names benchmarks that exist on both sides; broken ones are named. */
class EngineMappingTest {

    @TempDir
    Path folder;

    @Test
    void the_dart_mapping_pairs_benchmarks_of_this_build_with_benchmarks_of_dart_s_programme() throws Exception {
        EngineMapping mapping = EngineMapping.read(Path.of("config/mappings/dart.yaml"));
        Set<String> dart = new HashSet<>();
        new ResultFiles().read(Path.of(getClass().getResource("/samples/gbench-dart-release-2026-11-24.json").toURI()), null)
                .benchmarks().stream().map(ImportedBenchmark::label).forEach(dart::add);
        Set<String> worldbench = new HashSet<>();
        for (BenchmarkDefinition d : BenchmarkCatalog.ofClassPath().all()) {
            labels(d, worldbench);
        }

        assertThat(mapping.engineB()).isEqualTo("DART 6.12.1");
        assertThat(mapping.pairs()).hasSize(90).allSatisfy(p -> {
            assertThat(dart).as("DART's programme").contains(p.b());
            assertThat(worldbench).as("this build's benchmarks with their declared parameter values").contains(p.a());
        });
    }

    /** Every combination of the declared parameter values, labelled as stored. */
    private static void labels(BenchmarkDefinition d, Set<String> into) {
        java.util.List<java.util.SequencedMap<String, String>> combinations = new java.util.ArrayList<>();
        combinations.add(new java.util.TreeMap<>());
        d.parameters().forEach((name, p) -> {
            java.util.List<java.util.SequencedMap<String, String>> next = new java.util.ArrayList<>();
            for (var c : combinations) {
                for (String v : p.declaredValues()) {
                    var copy = new java.util.TreeMap<>(c);
                    copy.put(name, v);
                    next.add(copy);
                }
            }
            combinations.clear();
            combinations.addAll(next);
        });
        combinations.forEach(c -> into.add(d.name() + (c.isEmpty() ? "" : "{" + PlannedTrial.key(c) + "}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no engines     | 'pairs: [{a: x, b: y}]'                                    | engines: expected {a: NAME, b: NAME}",
            "no pairs       | 'engines: {a: A, b: B}'                                    | pairs: expected a non-empty list",
            "pair without b | 'engines: {a: A, b: B}\npairs: [{a: x}]'                   | pairs[0].b: expected a benchmark name",
            "unknown key    | 'engines: {a: A, b: B}\npairs: [{a: x, b: y, c: z}]'       | pairs[0].c: unknown key",
            "listed twice   | 'engines: {a: A, b: B}\npairs: [{a: x, b: y}, {a: x, b: y}]' | pairs[1]: the pair x / y is listed twice",
            "not YAML       | 'engines: [a'                                              | not valid YAML"})
    void a_broken_mapping_is_refused_with_the_key(String name, String yaml, String expected) throws IOException {
        Path file = Files.writeString(folder.resolve("m.yaml"), yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> EngineMapping.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
    }
}
