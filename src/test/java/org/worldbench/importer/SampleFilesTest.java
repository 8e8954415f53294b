package org.worldbench.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.worldbench.experiment.jmh.MetricMeasurement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real result files of {@code src/test/resources/samples/} (copied from the team's shared
 * samples: a JMH run of the allocator anchors with {@code -prof gc}, and DART's Google Benchmark run
 * with 5 repetitions and aggregates). Every imported number is checked against the file, read
 * independently here with Jackson's tree model.
 */
class SampleFilesTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(tools.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    static Path sample(String name) {
        try {
            return Path.of(SampleFilesTest.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jmh_file_is_detected_and_every_sample_percentile_and_unit_equals_the_file() throws Exception {
        Path file = sample("jmh-allocators-2026-11-24.json");
        ResultFiles files = new ResultFiles();
        assertThat(files.detect(file)).isEqualTo(ResultFormat.JMH);
        ImportedResults imported = files.read(file, null);
        JsonNode tree = MAPPER.readTree(file.toFile());

        assertThat(imported.benchmarks()).hasSize(tree.size());
        assertThat(imported.machine().runtime()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(imported.machine().runtimeVersion()).isEqualTo("25.0.3+9-LTS");
        for (int i = 0; i < tree.size(); i++) {
            JsonNode expected = tree.get(i);
            ImportedBenchmark b = imported.benchmarks().get(i);
            String qualified = expected.get("benchmark").asString();
            assertThat(b.className() + "." + b.name().replaceFirst("^[A-Za-z]+\\.", "")).isEqualTo(qualified);
            assertThat(b.measurement().mode()).isEqualTo(expected.get("mode").asString());
            Map<String, String> params = new java.util.TreeMap<>();
            if (expected.has("params")) {
                expected.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
            }
            assertThat(b.parameters()).isEqualTo(params);

            List<String> names = new ArrayList<>();
            names.add(MetricMeasurement.PRIMARY);
            expected.get("secondaryMetrics").propertyNames().forEach(names::add);
            assertThat(b.measurement().metrics()).extracting(MetricMeasurement::name)
                    .containsExactlyInAnyOrderElementsOf(names);
            for (MetricMeasurement m : b.measurement().metrics()) {
                JsonNode metric = m.name().equals(MetricMeasurement.PRIMARY) ? expected.get("primaryMetric")
                        : expected.get("secondaryMetrics").get(m.name());
                assertThat(m.unit()).isEqualTo(metric.get("scoreUnit").asString());
                assertThat(m.score()).isEqualTo(metric.get("score").asDouble());
                assertThat(m.samples()).isDeepEqualTo(rawData(metric.get("rawData")));
                assertThat(m.percentiles()[1]).as("p50").isEqualTo(metric.get("scorePercentiles").get("50.0").asDouble());
                assertThat(m.percentiles()[5]).as("p100").isEqualTo(metric.get("scorePercentiles").get("100.0").asDouble());
                JsonNode error = metric.get("scoreError");
                if (error.isString()) {
                    assertThat(error.asString()).isEqualTo("NaN");
                    assertThat(m.scoreError()).isNaN();
                } else {
                    assertThat(m.scoreError()).isEqualTo(error.asDouble());
                }
            }
        }
        // the heap bytes per operation of the first benchmark, as printed in the file
        assertThat(imported.benchmarks().getFirst().measurement().metrics().stream()
                .filter(m -> m.name().equals("gc.alloc.rate.norm")).findFirst().orElseThrow().samples()[0][0])
                .isEqualTo(144.00020601636984);
    }

    @Test
    void benchmarks_keep_their_method_names_and_parameters_as_worldbench_stores_its_own() {
        ImportedResults imported = new ResultFiles().read(sample("jmh-allocators-2026-11-24.json"), ResultFormat.JMH);
        assertThat(imported.benchmarks()).extracting(ImportedBenchmark::label)
                .contains("pooledDirectBuffer64Release{leakDetection=DISABLED}", "pooledDirectBuffer64Release", "newDouble8")
                .doesNotHaveDuplicates();
    }

    @Test
    void google_benchmark_repetitions_become_samples_in_nanoseconds_and_aggregates_are_not_samples() throws Exception {
        Path file = sample("gbench-dart-release-2026-11-24.json");
        ResultFiles files = new ResultFiles();
        assertThat(files.detect(file)).isEqualTo(ResultFormat.GBENCH);
        ImportedResults imported = files.read(file, null);
        JsonNode rows = MAPPER.readTree(file.toFile()).get("benchmarks");

        assertThat(imported.format()).isEqualTo(ResultFormat.GBENCH);
        assertThat(imported.suggestedExperiment()).isEqualTo("dartbench");
        assertThat(imported.tags()).containsEntry("dart_version", "6.12.1");
        assertThat(imported.machine().hostName()).isEqualTo("vm");
        assertThat(imported.machine().cores()).isEqualTo(2);
        assertThat(imported.machine().cpu()).isEqualTo("2 CPUs at 2596 MHz, L1d 32 KiB, L1i 32 KiB, L2 1 MiB, L3 32 MiB (shared by 2)");
        assertThat(imported.machine().runtimeVersion()).isEqualTo("version unknown, debug build");
        assertThat(imported.benchmarks()).hasSize(35);
        assertThat(imported.benchmarks().getFirst().name()).isEqualTo("BM_FK/7");
        assertThat(imported.benchmarks()).extracting(ImportedBenchmark::name).contains("BM_ParallelWorlds/2/real_time");

        for (ImportedBenchmark b : imported.benchmarks()) {
            List<JsonNode> reps = new ArrayList<>();
            JsonNode median = null;
            for (JsonNode row : rows) {
                if (row.get("run_name").asString().equals(b.name())) {
                    if (row.get("run_type").asString().equals("iteration")) {
                        reps.add(row);
                    } else if (row.get("aggregate_name").asString().equals("median")) {
                        median = row;
                    }
                }
            }
            assertThat(reps).hasSize(5);
            MetricMeasurement primary = b.measurement().primary();
            MetricMeasurement cpu = metric(b, "cpu_time");
            assertThat(primary.unit()).isEqualTo("ns/op");
            assertThat(cpu.unit()).isEqualTo("ns/op");
            assertThat(b.measurement().forks()).isEqualTo(5);
            for (int r = 0; r < 5; r++) {
                double toNanos = switch (reps.get(r).get("time_unit").asString()) {
                    case "ns" -> 1;
                    case "us" -> 1e3;
                    case "ms" -> 1e6;
                    default -> 1e9;
                };
                assertThat(primary.samples()[r]).containsExactly(reps.get(r).get("real_time").asDouble() * toNanos);
                assertThat(cpu.samples()[r]).containsExactly(reps.get(r).get("cpu_time").asDouble() * toNanos);
                for (String counter : List.of("bodies", "dofs", "contacts", "items_per_second")) {
                    if (reps.get(r).has(counter)) {
                        assertThat(metric(b, counter).samples()[r]).containsExactly(reps.get(r).get(counter).asDouble());
                    }
                }
            }
            // the median of the imported samples is Google Benchmark's own median aggregate
            double toNanos = switch (median.get("time_unit").asString()) {
                case "ns" -> 1;
                case "us" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            };
            assertThat(primary.percentiles()[1]).isCloseTo(median.get("real_time").asDouble() * toNanos,
                    org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
        MetricMeasurement items = metric(imported.benchmarks().stream().filter(b -> b.name().equals("BM_ParallelWorlds/2/real_time"))
                .findFirst().orElseThrow(), "items_per_second");
        assertThat(items.unit()).isEqualTo("items/s");
    }

    private static MetricMeasurement metric(ImportedBenchmark b, String name) {
        return b.measurement().metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(b.name() + " has no metric " + name));
    }

    private static double[][] rawData(JsonNode forks) {
        double[][] samples = new double[forks.size()][];
        for (int f = 0; f < forks.size(); f++) {
            JsonNode fork = forks.get(f);
            samples[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                samples[f][i] = fork.get(i).asDouble();
            }
        }
        return samples;
    }
}
