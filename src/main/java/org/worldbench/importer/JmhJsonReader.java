package org.worldbench.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * JMH's JSON result format ({@code -rf json}): an array with one object per benchmark, parameter
 * combination and mode. A benchmark {@code org.example.FooBench.measure} is stored as worldbench
 * stores its own: method name {@code measure}, class {@code org.example.FooBench}, {@code @Param}
 * values as parameters; so worldbench's own JMH output imported lands on the same benchmarks as its
 * native runs. Two refinements keep identities unique within a file: a method name shared by two
 * classes (same parameters) is qualified with the simple class name ({@code FooBench.measure}), and
 * a benchmark present in several modes gets the mode appended ({@code measure:thrpt}).
 *
 * <p>Secondary metrics keep their names, except the older {@code ·gc.alloc.rate.norm} spelling of the
 * GC profiler (a leading middle dot), which becomes {@code gc.alloc.rate.norm}.
 */
final class JmhJsonReader {

    private static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_CLASS_LENGTH = 500;
    static final int MAX_PARAMETERS_LENGTH = 1000;

    private JmhJsonReader() {
    }

    /** One result object as read, before names are made unique. */
    private record Entry(String className, String method, SequencedMap<String, String> parameters, String mode,
            TrialMeasurement measurement, JsonCursor.Position position) {
    }

    static ImportedResults read(JsonCursor json, ImportLimits limits, Instant now) {
        List<Entry> entries = new ArrayList<>();
        String[] vm = {null, null};
        JsonCursor.Position[] firstVm = {null};
        json.elements("a JSON array of JMH results (JMH's -rf json)", () -> {
            if (entries.size() >= limits.maxBenchmarks()) {
                throw json.invalid("more than " + limits.maxBenchmarks() + " results in one file");
            }
            entries.add(entry(json, limits, now, vm, firstVm));
        });
        json.expectEnd();
        if (entries.isEmpty()) {
            throw new InvalidResultFileException(json.file(), "$", 1, 1, "no results: the array is empty");
        }
        return new ImportedResults(ResultFormat.JMH, json.file(), new ImportedMachine(null, null, 0, vm[0], vm[1]), null,
                null, unique(json, entries), Map.of());
    }

    private static Entry entry(JsonCursor json, ImportLimits limits, Instant now, String[] vm, JsonCursor.Position[] firstVm) {
        JsonCursor.Position at = json.position();
        String[] benchmark = {null};
        String[] mode = {null};
        String[] vmName = {null};
        String[] vmVersion = {null};
        SequencedMap<String, String> parameters = new TreeMap<>();
        List<MetricMeasurement> metrics = new ArrayList<>();
        MetricMeasurement[] primary = {null};
        json.fields("a JMH result object {benchmark, mode, primaryMetric, ...}", field -> {
            switch (field) {
                case "benchmark" -> {
                    benchmark[0] = json.text();
                    int dot = benchmark[0].lastIndexOf('.');
                    if (dot <= 0 || dot == benchmark[0].length() - 1) {
                        throw json.invalid("expected a fully qualified benchmark 'package.Class.method', got '" + benchmark[0] + "'");
                    }
                    if (benchmark[0].length() - dot - 1 > MAX_NAME_LENGTH || dot > MAX_CLASS_LENGTH) {
                        throw json.invalid("benchmark name too long: at most " + MAX_NAME_LENGTH + " characters of method and "
                                + MAX_CLASS_LENGTH + " of class");
                    }
                }
                case "mode" -> {
                    mode[0] = json.text();
                    if (!MODES.contains(mode[0])) {
                        throw json.invalid("unknown mode '" + mode[0] + "' (JMH modes: thrpt, avgt, sample, ss)");
                    }
                }
                case "vmName" -> vmName[0] = json.text();
                case "vmVersion" -> vmVersion[0] = json.text();
                case "params" -> json.fields("an object of @Param values {name: \"value\"}", name -> {
                    String value = json.text();
                    if (name.isEmpty() || name.contains(",") || name.contains("=") || value.contains(",") || value.contains("=")) {
                        throw json.invalid("parameter names and values must not be empty or contain ',' or '='"
                                + " (they separate parameters in a benchmark's key)");
                    }
                    parameters.put(name, value);
                });
                case "primaryMetric" -> primary[0] = MetricReader.read(json, MetricMeasurement.PRIMARY, limits);
                case "secondaryMetrics" -> {
                    Map<String, String> seen = new HashMap<>();
                    json.fields("an object of secondary metrics {name: metric}", name -> {
                        String normalised = name.startsWith("\u00b7") ? name.substring(1) : name;
                        if (normalised.isEmpty() || normalised.length() > MAX_NAME_LENGTH || normalised.equals(MetricMeasurement.PRIMARY)) {
                            throw json.invalid("a secondary metric name is 1 to " + MAX_NAME_LENGTH + " characters and not '"
                                    + MetricMeasurement.PRIMARY + "', got '" + name + "'");
                        }
                        String earlier = seen.put(normalised, name);
                        if (earlier != null) {
                            throw json.invalid("duplicate secondary metric: '" + name + "' and '" + earlier + "' are both "
                                    + normalised);
                        }
                        metrics.add(MetricReader.read(json, normalised, limits));
                    });
                }
                default -> json.skip();
            }
        });
        for (String required : List.of("benchmark", "mode", "primaryMetric")) {
            boolean missing = switch (required) {
                case "benchmark" -> benchmark[0] == null;
                case "mode" -> mode[0] == null;
                default -> primary[0] == null;
            };
            if (missing) {
                throw json.invalidAt(at.child(required), "missing: every JMH result has '" + required + "'");
            }
        }
        if (primary[0].sampleCount() == 0) {
            throw json.invalidAt(at.child("primaryMetric"), "no raw samples: primaryMetric needs rawData (or rawDataHistogram"
                    + " in sample mode) with at least one value; was the file written by JMH 1.x with -rf json?");
        }
        if (PlannedTrial.key(parameters).length() > MAX_PARAMETERS_LENGTH) {
            throw json.invalidAt(at.child("params"), "parameters too long: at most " + MAX_PARAMETERS_LENGTH + " characters");
        }
        checkSameVm(json, at, vmName[0], vmVersion[0], vm, firstVm);
        metrics.sort((a, b) -> a.name().compareTo(b.name()));
        metrics.addFirst(primary[0]);
        int forks = primary[0].samples().length;
        int dot = benchmark[0].lastIndexOf('.');
        return new Entry(benchmark[0].substring(0, dot), benchmark[0].substring(dot + 1), parameters, mode[0],
                new TrialMeasurement(mode[0], forks, now, now, metrics), at);
    }

    /** One file, one JVM: results from different JVMs would land on one machine fingerprint. */
    private static void checkSameVm(JsonCursor json, JsonCursor.Position at, String name, String version, String[] vm,
            JsonCursor.Position[] first) {
        if (first[0] == null) {
            vm[0] = name;
            vm[1] = version;
            first[0] = at;
        } else if (!java.util.Objects.equals(vm[0], name) || !java.util.Objects.equals(vm[1], version)) {
            throw json.invalidAt(at.child("vmVersion"), "measured on another JVM (" + name + " " + version + ") than the"
                    + " result at " + first[0].path() + " (" + vm[0] + " " + vm[1] + "): import each JVM's results separately");
        }
    }

    /** Benchmark names, unique within the file: see the class comment. */
    private static List<ImportedBenchmark> unique(JsonCursor json, List<Entry> entries) {
        // Each result's parameter key is built once: a big file has 100,000 results.
        String[] parametersKeys = new String[entries.size()];
        Map<String, List<Entry>> byKey = LinkedHashMap.newLinkedHashMap(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            parametersKeys[i] = PlannedTrial.key(e.parameters());
            byKey.computeIfAbsent(e.method() + "\u0000" + parametersKeys[i], k -> new ArrayList<>(1)).add(e);
        }
        Map<String, Entry> seen = HashMap.newHashMap(entries.size());
        Map<String, Entry> labels = HashMap.newHashMap(entries.size());
        List<ImportedBenchmark> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<Entry> same = byKey.get(e.method() + "\u0000" + parametersKeys[i]);
            String identity = e.className() + "." + e.method() + "\u0000" + parametersKeys[i] + "\u0000" + e.mode();
            Entry earlier = seen.put(identity, e);
            if (earlier != null) {
                throw json.invalidAt(e.position(), "duplicate result: " + e.className() + "." + e.method()
                        + (e.parameters().isEmpty() ? "" : " " + e.parameters()) + " in mode " + e.mode()
                        + " is already at " + earlier.position().path());
            }
            String name = e.method();
            if (same.size() > 1 && same.stream().map(Entry::className).distinct().count() > 1) {
                name = e.className().substring(e.className().lastIndexOf('.') + 1) + "." + name;
            }
            if (same.size() > 1 && same.stream().map(Entry::mode).distinct().count() > 1) {
                name = name + ":" + e.mode();
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw json.invalidAt(e.position(), "benchmark name '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters");
            }
            ImportedBenchmark imported = new ImportedBenchmark(name, e.className(), e.parameters(), e.measurement(), null,
                    e.position().path());
            Entry clash = labels.put(imported.label(), e);
            if (clash != null) {
                throw json.invalidAt(e.position(), "two results would both be stored as " + imported.label() + ": "
                        + clash.className() + " at " + clash.position().path() + " and " + e.className());
            }
            result.add(imported);
        }
        return result;
    }
}
