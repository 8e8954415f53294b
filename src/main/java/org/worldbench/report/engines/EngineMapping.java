package org.worldbench.report.engines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which benchmark of one engine does the same work as which benchmark of another: the mapping file
 * of {@code worldbench compare-engines} ({@code config/mappings/*.yaml}). Benchmarks are named as
 * worldbench stores them: {@code fk{allocation=INLINE,bodies=7}} for a JMH benchmark with
 * parameters, {@code BM_FK/7} for Google Benchmark.
 *
 * <pre>
 * engines: {a: worldbench, b: DART 6.12.1}
 * pairs:
 *   - {workload: "FK, chain of 7", a: "fk{allocation=INLINE,bodies=7}", b: BM_FK/7}
 * </pre>
 *
 * @param engineA name of the engine of RUN_A
 * @param engineB name of the engine of RUN_B
 * @param pairs   the pairs, in report order
 */
public record EngineMapping(String engineA, String engineB, List<Pair> pairs) {

    /**
     * @param workload what both benchmarks do, for people
     * @param a        benchmark label in RUN_A
     * @param b        benchmark label in RUN_B
     */
    public record Pair(String workload, String a, String b) {
    }

    public EngineMapping {
        pairs = List.copyOf(pairs);
    }

    /** Reads and checks a mapping file; every problem is an {@link IllegalArgumentException} naming the file and key. */
    @SuppressWarnings("unchecked")
    public static EngineMapping read(Path file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the mapping: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(file + ": expected a mapping with 'engines' and 'pairs'");
        }
        for (Object key : top.keySet()) {
            if (!Set.of("engines", "pairs", "description").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(file + ": " + key + ": unknown key (allowed: description, engines, pairs)");
            }
        }
        if (!(top.get("engines") instanceof Map<?, ?> engines) || !(engines.get("a") instanceof String a)
                || !(engines.get("b") instanceof String b)) {
            throw new IllegalArgumentException(file + ": engines: expected {a: NAME, b: NAME}");
        }
        if (!(top.get("pairs") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": pairs: expected a non-empty list of {workload, a, b}");
        }
        List<Pair> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": pairs[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> pair)) {
                throw new IllegalArgumentException(where + ": expected {workload, a, b}");
            }
            for (String key : List.of("a", "b")) {
                if (!(pair.get(key) instanceof String value) || value.isBlank()) {
                    throw new IllegalArgumentException(where + "." + key + ": expected a benchmark name");
                }
            }
            for (Object key : pair.keySet()) {
                if (!Set.of("workload", "a", "b").contains(String.valueOf(key))) {
                    throw new IllegalArgumentException(where + "." + key + ": unknown key (allowed: workload, a, b)");
                }
            }
            String pa = (String) pair.get("a");
            String pb = (String) pair.get("b");
            if (!seen.add(pa + "\u0000" + pb)) {
                throw new IllegalArgumentException(where + ": the pair " + pa + " / " + pb + " is listed twice");
            }
            Object workload = pair.get("workload");
            pairs.add(new Pair(workload == null ? pa + " / " + pb : String.valueOf(workload), pa, pb));
        }
        return new EngineMapping(a, b, pairs);
    }
}
