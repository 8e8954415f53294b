package org.worldbench.importer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;

/**
 * Google Benchmark's JSON ({@code --benchmark_out_format=json}): {@code {context, benchmarks}}.
 *
 * <ul>
 *   <li>Each benchmark instance ({@code run_name}, e.g. {@code BM_FK/7}) becomes one result; its name
 *       is stored as is.</li>
 *   <li>Each repetition is one sample. Repetitions are independent runs of the benchmark, as JMH's forks
 *       are, so repetition {@code r} is stored as fork {@code r} with one iteration: the statistics then
 *       treat them as the independent units they are.</li>
 *   <li>Aggregate rows ({@code run_type: aggregate}: mean, median, stddev, cv, BigO, RMS, and the
 *       {@code _mean}... name suffixes of versions without {@code run_type}) are recognised and not
 *       taken as samples.</li>
 *   <li>Times are normalised to nanoseconds: {@code real_time} is the primary metric ({@code ns/op}),
 *       {@code cpu_time} a secondary one. Every other number of a row is a user counter and becomes a
 *       secondary metric of that name.</li>
 *   <li>The context describes the machine (host, CPUs, clock, caches) and the library; its custom
 *       entries ({@code AddCustomContext}, e.g. {@code dart_version}) become tags of the run.</li>
 * </ul>
 */
final class GoogleBenchmarkReader {

    /** Fields of a row that are not user counters. */
    private static final Set<String> ROW_FIELDS = Set.of("name", "family_index", "per_family_instance_index", "run_name",
            "run_type", "repetitions", "repetition_index", "threads", "iterations", "real_time", "cpu_time", "time_unit",
            "aggregate_name", "aggregate_unit", "error_occurred", "error_message", "label", "big_o", "rms",
            "complexity_n");
    private static final Set<String> CONTEXT_FIELDS = Set.of("date", "host_name", "executable", "num_cpus", "mhz_per_cpu",
            "cpu_scaling_enabled", "caches", "load_avg", "library_build_type", "library_version", "json_schema_version");
    private static final List<String> AGGREGATE_SUFFIXES = List.of("_mean", "_median", "_stddev", "_cv", "_BigO", "_RMS");
    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9);
    static final String CPU_TIME = "cpu_time";

    private GoogleBenchmarkReader() {
    }

    /** One instance's repetitions as read. */
    private static final class Instance {
        final String name;
        final JsonCursor.Position position;
        final Map<Long, Repetition> repetitions = new TreeMap<>();
        String failure;

        Instance(String name, JsonCursor.Position position) {
            this.name = name;
            this.position = position;
        }
    }

    private record Repetition(double realNanos, double cpuNanos, Map<String, Double> counters) {
    }

    /** The fields of one row. */
    private static final class Row {
        String name;
        String runName;
        String runType;
        String aggregateName;
        Long repetitionIndex;
        double realTime = Double.NaN;
        double cpuTime = Double.NaN;
        String timeUnit = "ns";
        boolean error;
        String errorMessage;
        JsonCursor.Position start;
        final Map<String, Double> counters = new TreeMap<>();
        final Map<String, JsonCursor.Position> where = new LinkedHashMap<>();
    }

    static ImportedResults read(JsonCursor json, ImportLimits limits) {
        Context[] context = {null};
        Map<String, Instance> instances = new LinkedHashMap<>();
        boolean[] hasBenchmarks = {false};
        Map<String, JsonCursor.Position> aggregated = new LinkedHashMap<>(); // instance name -> its first aggregate row
        json.fields("a Google Benchmark result object {context, benchmarks}", field -> {
            switch (field) {
                case "context" -> context[0] = context(json);
                case "benchmarks" -> {
                    hasBenchmarks[0] = true;
                    json.elements("an array of benchmark rows", () -> {
                        Row row = row(json);
                        if (isAggregate(row)) {
                            aggregated.putIfAbsent(aggregatedInstance(row), row.start);
                            return;
                        }
                        add(json, instances, row, limits);
                    });
                }
                default -> json.skip();
            }
        });
        json.expectEnd();
        if (!hasBenchmarks[0]) {
            throw new InvalidResultFileException(json.file(), "$.benchmarks", 1, 1, "missing: a Google Benchmark file has"
                    + " a 'benchmarks' array");
        }
        refuseAggregatesOnly(json, instances, aggregated);
        if (instances.isEmpty()) {
            throw new InvalidResultFileException(json.file(), "$.benchmarks", 1, 1, "no benchmarks: the array is empty");
        }
        Context c = context[0] == null ? new Context(null, null, null, 0, null, null, null, Map.of()) : context[0];
        String program = c.executable == null ? "gbench" : programName(c.executable);
        List<ImportedBenchmark> benchmarks = new ArrayList<>();
        for (Instance instance : instances.values()) {
            benchmarks.add(benchmark(instance, program, c.measuredAt == null ? Instant.now() : c.measuredAt));
        }
        return new ImportedResults(ResultFormat.GBENCH, json.file(), c.machine(), c.measuredAt,
                c.executable == null ? null : program, benchmarks, c.tags);
    }

    private static ImportedBenchmark benchmark(Instance instance, String program, Instant at) {
        if (instance.failure != null) {
            return new ImportedBenchmark(instance.name, program, new TreeMap<>(), null, instance.failure, instance.position.path());
        }
        List<Repetition> reps = List.copyOf(instance.repetitions.values());
        List<MetricMeasurement> metrics = new ArrayList<>();
        metrics.add(metric(MetricMeasurement.PRIMARY, "ns/op", reps.stream().map(r -> new double[] {r.realNanos()}).toList()));
        metrics.add(metric(CPU_TIME, "ns/op", reps.stream().map(r -> new double[] {r.cpuNanos()}).toList()));
        Set<String> counters = new TreeSet<>();
        reps.forEach(r -> counters.addAll(r.counters().keySet()));
        for (String counter : counters) {
            metrics.add(metric(counter, counterUnit(counter), reps.stream()
                    .map(r -> r.counters().containsKey(counter) ? new double[] {r.counters().get(counter)} : new double[0])
                    .toList()));
        }
        return new ImportedBenchmark(instance.name, program, new TreeMap<>(), new TrialMeasurement("avgt", reps.size(), at, at,
                metrics), null, instance.position.path());
    }

    /** Score = mean, as Google Benchmark's own mean aggregate; percentiles of the repetitions. */
    private static MetricMeasurement metric(String name, String unit, List<double[]> forks) {
        double[][] samples = forks.toArray(double[][]::new);
        double[] values = Arrays.stream(samples).flatMapToDouble(Arrays::stream).toArray();
        double mean = values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
        double[] percentiles = new double[MetricMeasurement.PERCENTILE_LEVELS.length];
        Arrays.fill(percentiles, Double.NaN);
        MetricReader.fillPercentiles(samples, percentiles);
        return new MetricMeasurement(name, unit, mean, Double.NaN, percentiles, samples);
    }

    private static String counterUnit(String counter) {
        return switch (counter) {
            case "items_per_second" -> "items/s";
            case "bytes_per_second" -> "B/s";
            default -> "counter";
        };
    }

    /**
     * A benchmark reported by its aggregates alone ({@code --benchmark_report_aggregates_only}, or
     * {@code ReportAggregatesOnly()} on one benchmark) has no samples: a mean and a standard deviation
     * cannot give a verdict, and a run of such results would become the next run's baseline with
     * nothing to compare against. The file is refused, saying how to rerun, rather than imported with
     * that benchmark missing or sample-less.
     */
    private static void refuseAggregatesOnly(JsonCursor json, Map<String, Instance> instances,
            Map<String, JsonCursor.Position> aggregated) {
        List<String> withoutRepetitions = aggregated.keySet().stream().filter(name -> !instances.containsKey(name)).toList();
        if (withoutRepetitions.isEmpty()) {
            return;
        }
        String first = withoutRepetitions.getFirst();
        int others = withoutRepetitions.size() - 1;
        throw json.invalidAt(aggregated.get(first), first + (others == 0 ? " has" : " and " + others + " other benchmark"
                + (others == 1 ? "" : "s") + " have") + " only aggregate rows (mean, median, stddev, ...), no repetitions to take"
                + " samples from: rerun with --benchmark_repetitions=10 (a verdict needs at least 6 samples per side) and"
                + " without --benchmark_report_aggregates_only (or ReportAggregatesOnly() in the code);"
                + " --benchmark_display_aggregates_only=true shortens the console output and still writes every repetition"
                + " to the file");
    }

    /** The instance an aggregate row summarises: its run name, or (versions before run_name) its name without the suffix. */
    private static String aggregatedInstance(Row row) {
        if (row.runName != null) {
            return row.runName;
        }
        for (String suffix : AGGREGATE_SUFFIXES) {
            if (row.name.endsWith(suffix)) {
                return row.name.substring(0, row.name.length() - suffix.length());
            }
        }
        return row.name;
    }

    private static boolean isAggregate(Row row) {
        if (row.runType != null) {
            return row.runType.equals("aggregate");
        }
        if (row.aggregateName != null) {
            return true;
        }
        // Versions before run_type: aggregates are named run_name + suffix.
        return AGGREGATE_SUFFIXES.stream().anyMatch(s -> row.name.endsWith(s) && (row.runName == null || !row.runName.equals(row.name)));
    }

    private static void add(JsonCursor json, Map<String, Instance> instances, Row row, ImportLimits limits) {
        String name = row.runName != null ? row.runName : row.name;
        JsonCursor.Position at = row.where.get("name");
        if (name.isEmpty() || name.length() > JmhJsonReader.MAX_NAME_LENGTH) {
            throw json.invalidAt(row.where.getOrDefault("run_name", at), "a benchmark name is 1 to "
                    + JmhJsonReader.MAX_NAME_LENGTH + " characters, got " + name.length());
        }
        Instance instance = instances.get(name);
        if (instance == null) {
            if (instances.size() >= limits.maxBenchmarks()) {
                throw json.invalidAt(at, "more than " + limits.maxBenchmarks() + " benchmarks in one file");
            }
            instance = new Instance(name, at);
            instances.put(name, instance);
        }
        if (row.error) {
            instance.failure = "Google Benchmark reported an error: " + (row.errorMessage == null ? "(no message)" : row.errorMessage);
            return;
        }
        for (String required : List.of("real_time", "cpu_time")) {
            if (!row.where.containsKey(required)) {
                throw json.invalidAt(at, "missing: a repetition row has '" + required + "'");
            }
        }
        long index = row.repetitionIndex != null ? row.repetitionIndex : instance.repetitions.size();
        if (instance.repetitions.containsKey(index)) {
            throw json.invalidAt(row.where.getOrDefault("repetition_index", at), "duplicate: " + name + " repetition " + index
                    + " is already at " + instance.position.path() + " or after it");
        }
        if (instance.repetitions.size() >= limits.maxSamplesPerMetric()) {
            throw json.invalidAt(at, "more than " + limits.maxSamplesPerMetric() + " repetitions of " + name);
        }
        Double factor = NANOS.get(row.timeUnit);
        if (factor == null) {
            throw json.invalidAt(row.where.get("time_unit"), "unknown time_unit '" + row.timeUnit + "' (ns, us, ms, s)");
        }
        instance.repetitions.put(index, new Repetition(row.realTime * factor, row.cpuTime * factor, row.counters));
    }

    private static Row row(JsonCursor json) {
        Row row = new Row();
        JsonCursor.Position at = json.position();
        row.start = at;
        json.fields("a benchmark row object {name, run_type, real_time, ...}", field -> {
            row.where.put(field, json.position());
            switch (field) {
                case "name" -> row.name = json.text();
                case "run_name" -> row.runName = json.text();
                case "run_type" -> {
                    row.runType = json.text();
                    if (!row.runType.equals("iteration") && !row.runType.equals("aggregate")) {
                        throw json.invalid("run_type is 'iteration' or 'aggregate', got '" + row.runType + "'");
                    }
                }
                case "aggregate_name" -> row.aggregateName = json.text();
                case "repetition_index" -> row.repetitionIndex = json.integer(0, Integer.MAX_VALUE);
                case "real_time" -> row.realTime = json.finiteNumber();
                case "cpu_time" -> row.cpuTime = json.finiteNumber();
                case "time_unit" -> row.timeUnit = json.text();
                case "error_occurred" -> row.error = json.bool();
                case "error_message" -> row.errorMessage = json.text();
                case "repetitions", "threads", "iterations", "family_index", "per_family_instance_index" ->
                        json.integer(0, Long.MAX_VALUE);
                default -> {
                    if (ROW_FIELDS.contains(field) || (json.token() != tools.jackson.core.JsonToken.VALUE_NUMBER_INT
                            && json.token() != tools.jackson.core.JsonToken.VALUE_NUMBER_FLOAT)) {
                        json.skip(); // labels, complexity fields; non-numeric extras are not counters
                    } else if (field.length() > JmhJsonReader.MAX_NAME_LENGTH || field.equals(MetricMeasurement.PRIMARY)
                            || field.equals(CPU_TIME)) {
                        throw json.invalid("a counter name is 1 to " + JmhJsonReader.MAX_NAME_LENGTH + " characters and not '"
                                + MetricMeasurement.PRIMARY + "' or '" + CPU_TIME + "'");
                    } else {
                        row.counters.put(field, json.number());
                    }
                }
            }
        });
        if (row.name == null) {
            throw json.invalidAt(at.child("name"), "missing: every benchmark row has a 'name'");
        }
        row.where.putIfAbsent("name", at);
        return row;
    }

    /** What the context says. */
    private record Context(String hostName, String executable, String cpu, int cores, String library, String buildType,
            Instant measuredAt, Map<String, String> tags) {

        ImportedMachine machine() {
            return new ImportedMachine(hostName, cpu, cores, "Google Benchmark",
                    (library == null ? "version unknown" : library) + (buildType == null ? "" : ", " + buildType + " build"));
        }
    }

    private static Context context(JsonCursor json) {
        String[] text = new String[5]; // host, executable, library version, build type, date
        long[] cpus = {0};
        double[] mhz = {Double.NaN};
        List<String> caches = new ArrayList<>();
        Instant[] date = {null};
        Map<String, String> tags = new TreeMap<>();
        json.fields("the context object", field -> {
            switch (field) {
                case "host_name" -> text[0] = json.text();
                case "executable" -> text[1] = json.text();
                case "library_version" -> text[2] = json.text();
                case "library_build_type" -> text[3] = json.text();
                case "num_cpus" -> cpus[0] = json.integer(0, 1_000_000);
                case "mhz_per_cpu" -> mhz[0] = json.number();
                case "date" -> {
                    text[4] = json.text();
                    try {
                        date[0] = OffsetDateTime.parse(text[4]).toInstant();
                    } catch (DateTimeParseException e) {
                        date[0] = null; // older versions wrote a local time without zone: not a point in time
                    }
                }
                case "caches" -> json.elements("an array of caches", () -> caches.add(cache(json)));
                default -> {
                    if (!CONTEXT_FIELDS.contains(field) && json.token() == tools.jackson.core.JsonToken.VALUE_STRING
                            && field.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") && json.text().length() <= 500) {
                        tags.put(field, json.text());
                    } else {
                        json.skip();
                    }
                }
            }
        });
        String cpu = cpus[0] == 0 ? null : cpus[0] + " CPUs" + (Double.isNaN(mhz[0]) ? "" : String.format(Locale.ROOT, " at %.0f MHz", mhz[0]))
                + (caches.isEmpty() ? "" : ", " + String.join(", ", caches));
        return new Context(text[0], text[1], cpu, (int) cpus[0], text[2], text[3], date[0], tags);
    }

    /** {@code L1d 32 KiB}, {@code L3 32 MiB (shared by 2)}. */
    private static String cache(JsonCursor json) {
        String[] type = {""};
        long[] level = {0};
        long[] size = {0};
        long[] sharing = {1};
        json.fields("a cache object {type, level, size, num_sharing}", field -> {
            switch (field) {
                case "type" -> type[0] = json.text();
                case "level" -> level[0] = json.integer(0, 10);
                case "size" -> size[0] = json.integer(0, Long.MAX_VALUE);
                case "num_sharing" -> sharing[0] = json.integer(0, 1_000_000);
                default -> json.skip();
            }
        });
        String kind = switch (type[0]) {
            case "Data" -> "d";
            case "Instruction" -> "i";
            default -> "";
        };
        String amount = size[0] >= 1 << 20 && size[0] % (1 << 20) == 0 ? size[0] / (1 << 20) + " MiB" : size[0] / 1024 + " KiB";
        return "L" + level[0] + kind + " " + amount + (sharing[0] > 1 ? " (shared by " + sharing[0] + ")" : "");
    }

    /** {@code ./build/dartbench} → {@code dartbench}, made a valid experiment name. */
    static String programName(String executable) {
        String base = executable.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.endsWith(".exe")) {
            base = base.substring(0, base.length() - 4);
        }
        base = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return base.isEmpty() ? "gbench" : base.substring(0, Math.min(100, base.length()));
    }
}
