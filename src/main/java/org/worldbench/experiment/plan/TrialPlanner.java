package org.worldbench.experiment.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.catalog.BenchmarkDefinition;
import org.worldbench.experiment.catalog.ParameterDefinition;
import org.worldbench.experiment.spec.ExperimentSpec;

/**
 * Expands a spec's benchmarks × parameter matrix into trials. For each benchmark (sorted by name)
 * every {@code @Param} takes the matrix's values when the matrix names it, otherwise the values its
 * annotation declares (as JMH would); combinations are enumerated with the last parameter (by name)
 * varying fastest, in the order values were given. The order is deterministic, so the same spec
 * always gives the same trial ordinals, which restarts rely on.
 */
public final class TrialPlanner {

    private TrialPlanner() {
    }

    public static List<PlannedTrial> plan(ExperimentSpec spec, BenchmarkCatalog catalog) {
        List<PlannedTrial> trials = new ArrayList<>();
        for (String name : spec.benchmarks()) {
            BenchmarkDefinition benchmark = catalog.find(name)
                    .orElseThrow(() -> new IllegalStateException("benchmark '" + name + "' is not in this build"));
            List<String> parameterNames = List.copyOf(new TreeMap<>(benchmark.parameters()).keySet());
            List<List<String>> valueLists = new ArrayList<>();
            for (String parameter : parameterNames) {
                ParameterDefinition definition = benchmark.parameters().get(parameter);
                valueLists.add(spec.matrix().getOrDefault(parameter, definition.declaredValues()));
            }
            expand(parameterNames, valueLists, 0, new LinkedHashMap<>(), combination -> trials.add(
                    new PlannedTrial(trials.size() + 1, benchmark.name(), benchmark.className(), combination)));
        }
        return List.copyOf(trials);
    }

    private static void expand(List<String> names, List<List<String>> values, int index, SequencedMap<String, String> prefix,
            java.util.function.Consumer<SequencedMap<String, String>> sink) {
        if (index == names.size()) {
            sink.accept(new LinkedHashMap<>(prefix));
            return;
        }
        for (String value : values.get(index)) {
            prefix.put(names.get(index), value);
            expand(names, values, index + 1, prefix, sink);
            prefix.remove(names.get(index));
        }
    }
}
