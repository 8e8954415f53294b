package org.worldbench.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;

/**
 * Bencher Metric Format: {@code {benchmark: {measure: {value, lower_value, upper_value}}}}. Each
 * benchmark is one result with one sample per measure (BMF carries no raw samples). The primary
 * metric is {@code latency} (nanoseconds, as Bencher defines it), else {@code throughput}
 * (operations per second), else the first measure in the file; the other measures are secondary
 * metrics. {@code lower_value}/{@code upper_value} are kept as the score's error, half their
 * distance (the one interval a trial metric holds).
 */
final class BmfReader {

    private BmfReader() {
    }

    private record Measure(String name, double value, double lower, double upper) {
    }

    static ImportedResults read(JsonCursor json, ImportLimits limits, Instant now) {
        List<ImportedBenchmark> benchmarks = new ArrayList<>();
        json.fields("a BMF object {benchmark: {measure: {value, ...}}}", name -> {
            JsonCursor.Position at = json.position();
            if (name.isEmpty() || name.length() > JmhJsonReader.MAX_NAME_LENGTH) {
                throw json.invalid("a benchmark name is 1 to " + JmhJsonReader.MAX_NAME_LENGTH + " characters");
            }
            if (benchmarks.size() >= limits.maxBenchmarks()) {
                throw json.invalid("more than " + limits.maxBenchmarks() + " benchmarks in one file");
            }
            Map<String, Measure> measures = new LinkedHashMap<>();
            json.fields("an object of measures {latency: {value: ...}, ...}", measure -> {
                if (measure.isEmpty() || measure.length() > JmhJsonReader.MAX_NAME_LENGTH || measure.equals(MetricMeasurement.PRIMARY)) {
                    throw json.invalid("a measure name is 1 to " + JmhJsonReader.MAX_NAME_LENGTH + " characters and not '"
                            + MetricMeasurement.PRIMARY + "'");
                }
                measures.put(measure, measure(json, measure));
            });
            if (measures.isEmpty()) {
                throw json.invalidAt(at, "no measures: a benchmark has at least one, e.g. {\"latency\": {\"value\": 12.5}}");
            }
            benchmarks.add(benchmark(name, measures, at, now));
        });
        json.expectEnd();
        if (benchmarks.isEmpty()) {
            throw new InvalidResultFileException(json.file(), "$", 1, 1, "no benchmarks: the object is empty");
        }
        return new ImportedResults(ResultFormat.BMF, json.file(), new ImportedMachine(null, null, 0, null, null), null, null,
                benchmarks, Map.of());
    }

    private static ImportedBenchmark benchmark(String name, Map<String, Measure> measures, JsonCursor.Position at, Instant now) {
        String primary = measures.containsKey("latency") ? "latency"
                : measures.containsKey("throughput") ? "throughput" : measures.keySet().iterator().next();
        List<MetricMeasurement> metrics = new ArrayList<>();
        metrics.add(metric(MetricMeasurement.PRIMARY, measures.get(primary)));
        new TreeMap<>(measures).forEach((measure, m) -> {
            if (!measure.equals(primary)) {
                metrics.add(metric(measure, m));
            }
        });
        String mode = primary.equals("throughput") ? "thrpt" : "avgt";
        return new ImportedBenchmark(name, "bmf", new TreeMap<>(), new TrialMeasurement(mode, 1, now, now, metrics), null,
                at.path());
    }

    private static MetricMeasurement metric(String name, Measure m) {
        double[] percentiles = new double[MetricMeasurement.PERCENTILE_LEVELS.length];
        java.util.Arrays.fill(percentiles, m.value());
        double error = Double.isNaN(m.lower()) || Double.isNaN(m.upper()) ? Double.NaN : (m.upper() - m.lower()) / 2;
        return new MetricMeasurement(name, unit(m.name()), m.value(), error, percentiles, new double[][] {{m.value()}});
    }

    /** Bencher's built-in measures have fixed units; others are plain values. */
    static String unit(String measure) {
        return switch (measure) {
            case "latency" -> "ns/op";
            case "throughput" -> "ops/s";
            default -> "value";
        };
    }

    private static Measure measure(JsonCursor json, String name) {
        JsonCursor.Position at = json.position();
        double[] values = {Double.NaN, Double.NaN, Double.NaN};
        boolean[] seen = new boolean[3];
        JsonCursor.Position[] where = new JsonCursor.Position[3];
        json.fields("a measure object {value, lower_value, upper_value}", field -> {
            int index = switch (field) {
                case "value" -> 0;
                case "lower_value" -> 1;
                case "upper_value" -> 2;
                default -> -1;
            };
            if (index < 0) {
                throw json.invalid("unknown key '" + field + "' (a measure has value, lower_value, upper_value)");
            }
            where[index] = json.position();
            values[index] = json.finiteNumber();
            seen[index] = true;
        });
        if (!seen[0]) {
            throw json.invalidAt(at.child("value"), "missing: every measure has a 'value'");
        }
        if (seen[1] && values[1] > values[0]) {
            throw json.invalidAt(where[1], "lower_value " + values[1] + " is above value " + values[0]);
        }
        if (seen[2] && values[2] < values[0]) {
            throw json.invalidAt(where[2], "upper_value " + values[2] + " is below value " + values[0]);
        }
        return new Measure(name, values[0], values[1], values[2]);
    }
}
