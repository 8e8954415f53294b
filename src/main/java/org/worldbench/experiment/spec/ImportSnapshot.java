package org.worldbench.experiment.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The spec snapshot stored with an imported run: what the compare step needs (experiment name,
 * benchmarks, baseline {@code latest}, the default threshold) and where the results came from.
 * Not a runnable spec: the benchmarks of another tool are not in this build's catalogue, so it is
 * read here rather than by {@link ExperimentSpecParser}.
 */
public final class ImportSnapshot {

    private ImportSnapshot() {
    }

    /**
     * @param name        experiment name
     * @param description shown in reports
     * @param format      the file's format code
     * @param file        the file as the user named it
     * @param benchmarks  benchmark names of the run, each once
     */
    public static String toYaml(String name, String description, String format, String file, List<String> benchmarks) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", name);
        root.put("description", description);
        root.put("imported", new LinkedHashMap<>(Map.of("format", format, "file", file)));
        root.put("benchmarks", List.copyOf(new java.util.LinkedHashSet<>(benchmarks)));
        root.put("baseline", Map.of("mode", "latest"));
        root.put("thresholds", Map.of("default", Thresholds.DEFAULT_PERCENT));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# snapshot of an imported run (results of another tool, not measured by worldbench)\n"
                + new Yaml(options).dump(root);
    }

    /** The spec the compare and report steps see for an imported run. */
    @SuppressWarnings("unchecked")
    public static ExperimentSpec parse(String snapshot) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(snapshot);
        Map<String, Object> thresholds = (Map<String, Object>) root.getOrDefault("thresholds", Map.of());
        double percent = ((Number) thresholds.getOrDefault("default", Thresholds.DEFAULT_PERCENT)).doubleValue();
        return new ExperimentSpec((String) root.get("name"), (String) root.getOrDefault("description", ""), null,
                (List<String>) root.get("benchmarks"), new LinkedHashMap<>(), JmhSettings.DEFAULTS, BaselineSelection.DEFAULT,
                new Thresholds(percent, Map.of()), Map.of());
    }
}
