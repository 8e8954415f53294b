package org.worldbench.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldbench.experiment.jmh.MetricMeasurement;

/** The rules of each reader beyond the real sample files: modes, spellings, names, failures, BMF. */
class ReaderDetailsTest {

    @TempDir
    Path folder;

    private ImportedResults read(String json) throws IOException {
        return new ResultFiles().read(Files.writeString(folder.resolve("r.json"), json), null);
    }

    private static MetricMeasurement metric(ImportedBenchmark b, String name) {
        return b.measurement().metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sample_mode_takes_each_iteration_s_histogram_mean_and_the_old_gc_spelling_is_normalised() throws IOException {
        ImportedResults r = read("""
                [{"benchmark": "a.B.m", "mode": "sample",
                  "primaryMetric": {"score": 2.0, "scoreUnit": "us/op",
                                    "rawDataHistogram": [[[[1.0, 3], [5.0, 1]], [[2.0, 2]]], [[[4.0, 1]]]]},
                  "secondaryMetrics": {"\u00b7gc.alloc.rate.norm": {"score": 16, "scoreUnit": "B/op", "rawData": [[16, 16], [16]]}}}]
                """);
        ImportedBenchmark b = r.benchmarks().getFirst();
        assertThat(b.measurement().mode()).isEqualTo("sample");
        assertThat(b.measurement().primary().samples()).isDeepEqualTo(new double[][] {{2.0, 2.0}, {4.0}});
        assertThat(metric(b, "gc.alloc.rate.norm").samples()).isDeepEqualTo(new double[][] {{16, 16}, {16}});
        assertThat(b.measurement().primary().percentiles()[1]).as("median of the samples when the file has none").isEqualTo(2.0);
    }

    @Test
    void non_finite_values_written_as_text_are_read() throws IOException {
        ImportedResults r = read("""
                [{"benchmark": "a.B.m", "mode": "thrpt",
                  "primaryMetric": {"score": "+INF", "scoreError": "NaN", "scoreUnit": "ops/s", "rawData": [[1.0, "-INF", "NaN"]]}}]
                """);
        MetricMeasurement primary = r.benchmarks().getFirst().measurement().primary();
        assertThat(primary.score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(primary.scoreError()).isNaN();
        assertThat(primary.samples()[0]).containsExactly(1.0, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void a_benchmark_in_two_modes_and_a_method_in_two_classes_get_distinct_names() throws IOException {
        String metric = "{\"scoreUnit\": \"ns/op\", \"rawData\": [[1.0]]}";
        ImportedResults r = read("[{\"benchmark\": \"a.B.m\", \"mode\": \"avgt\", \"primaryMetric\": " + metric + "},"
                + " {\"benchmark\": \"a.B.m\", \"mode\": \"thrpt\", \"primaryMetric\": " + metric.replace("ns/op", "ops/ns") + "},"
                + " {\"benchmark\": \"a.C.n\", \"mode\": \"avgt\", \"primaryMetric\": " + metric + "},"
                + " {\"benchmark\": \"a.D.n\", \"mode\": \"avgt\", \"primaryMetric\": " + metric + "}]");
        assertThat(r.benchmarks()).extracting(ImportedBenchmark::label).containsExactly("m:avgt", "m:thrpt", "C.n", "D.n");
    }

    @Test
    void a_google_benchmark_error_row_becomes_a_failed_benchmark_with_its_message() throws IOException {
        ImportedResults r = read("""
                {"context": {"executable": "/opt/bench/my bench.exe"},
                 "benchmarks": [{"name": "BM_A", "run_name": "BM_A", "run_type": "iteration", "error_occurred": true,
                                 "error_message": "setup failed", "real_time": 0, "cpu_time": 0, "time_unit": "ms"},
                                {"name": "BM_B", "run_name": "BM_B", "run_type": "iteration", "real_time": 2, "cpu_time": 1.5,
                                 "time_unit": "ms"}]}
                """);
        assertThat(r.suggestedExperiment()).isEqualTo("my-bench");
        assertThat(r.benchmarks().get(0).measurement()).isNull();
        assertThat(r.benchmarks().get(0).failure()).isEqualTo("Google Benchmark reported an error: setup failed");
        assertThat(r.benchmarks().get(1).measurement().primary().samples()).isDeepEqualTo(new double[][] {{2e6}});
        assertThat(metric(r.benchmarks().get(1), "cpu_time").samples()).isDeepEqualTo(new double[][] {{1.5e6}});
    }

    @Test
    void bmf_latency_is_primary_in_nanoseconds_and_its_bounds_give_the_error() throws IOException {
        ImportedResults r = read("""
                {"bench::parse": {"throughput": {"value": 5000}, "latency": {"value": 200.0, "lower_value": 190.0, "upper_value": 230.0}},
                 "bench::size": {"file-size": {"value": 1024}}}
                """);
        assertThat(r.format()).isEqualTo(ResultFormat.BMF);
        ImportedBenchmark parse = r.benchmarks().get(0);
        assertThat(parse.name()).isEqualTo("bench::parse");
        MetricMeasurement latency = parse.measurement().primary();
        assertThat(latency.unit()).isEqualTo("ns/op");
        assertThat(latency.score()).isEqualTo(200.0);
        assertThat(latency.scoreError()).isEqualTo(20.0);
        assertThat(latency.samples()).isDeepEqualTo(new double[][] {{200.0}});
        assertThat(metric(parse, "throughput").unit()).isEqualTo("ops/s");
        ImportedBenchmark size = r.benchmarks().get(1);
        assertThat(size.measurement().primary().unit()).isEqualTo("value");
        assertThat(size.measurement().primary().score()).isEqualTo(1024);
    }
}
