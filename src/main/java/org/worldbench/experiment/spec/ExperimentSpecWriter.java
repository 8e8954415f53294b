package org.worldbench.experiment.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a validated spec back as YAML in canonical form: every setting explicit, a suite replaced
 * by the benchmarks it resolved to. Stored with each run as its snapshot, so a run can be re-planned
 * (restart) and read later without the files it came from; {@link ExperimentSpecParser} reads it back
 * to an equal spec.
 */
public final class ExperimentSpecWriter {

    private ExperimentSpecWriter() {
    }

    public static String toYaml(ExperimentSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", spec.name());
        root.put("description", spec.description());
        root.put("benchmarks", spec.benchmarks());
        if (!spec.matrix().isEmpty()) {
            root.put("matrix", new LinkedHashMap<>(spec.matrix()));
        }
        JmhSettings jmh = spec.jmh();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("forks", jmh.forks());
        settings.put("warmup-iterations", jmh.warmupIterations());
        settings.put("warmup-time", jmh.warmupTime().toMillis() + "ms");
        settings.put("measurement-iterations", jmh.measurementIterations());
        settings.put("measurement-time", jmh.measurementTime().toMillis() + "ms");
        settings.put("profilers", jmh.profilers());
        if (jmh.mode() != null) {
            settings.put("mode", jmh.mode());
        }
        if (jmh.timeUnit() != null) {
            settings.put("time-unit", jmh.timeUnit());
        }
        settings.put("heap", jmh.heap());
        settings.put("jvm-args", jmh.jvmArgs());
        settings.put("gc-between-iterations", jmh.gcBetweenIterations());
        settings.put("order", jmh.order().code());
        root.put("jmh", settings);
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("mode", spec.baseline().mode().name().toLowerCase(Locale.ROOT));
        if (spec.baseline().name() != null) {
            baseline.put("name", spec.baseline().name());
        }
        if (spec.baseline().mode() == BaselineSelection.Mode.ROLLING) {
            baseline.put("runs", spec.baseline().runs());
        }
        if (spec.baseline().allowOtherMachine()) {
            baseline.put("allow-other-machine", true);
        }
        root.put("baseline", baseline);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("default", spec.thresholds().defaultPercent());
        if (!spec.thresholds().benchmarkPercent().isEmpty()) {
            thresholds.put("benchmarks", new java.util.TreeMap<>(spec.thresholds().benchmarkPercent()));
        }
        if (!spec.thresholds().directions().isEmpty()) {
            Map<String, String> directions = new java.util.TreeMap<>();
            spec.thresholds().directions().forEach((benchmark, direction) -> directions.put(benchmark, direction.code()));
            thresholds.put("directions", directions);
        }
        root.put("thresholds", thresholds);
        if (!spec.tags().isEmpty()) {
            root.put("tags", new java.util.TreeMap<>(spec.tags()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        return "# canonical snapshot of experiment '" + spec.name() + "'" + (spec.suite() != null ? " (suite " + spec.suite() + ")" : "")
                + "\n" + new Yaml(options).dump(root);
    }

}
