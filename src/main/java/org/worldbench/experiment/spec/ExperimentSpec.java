package org.worldbench.experiment.spec;

import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A validated experiment: what to measure, how, and against what. Built only by
 * {@link ExperimentSpecParser}, so every instance names benchmarks and parameters that exist.
 *
 * @param name        experiment name; runs of the same name are compared with each other
 * @param description free text for reports
 * @param suite       the suite the benchmarks came from, or null when the spec lists them itself
 * @param benchmarks  JMH method names to run, sorted, each unique across the suite
 * @param matrix      parameter name → values to run, in the order given; parameters not named here
 *                    take the values declared in the benchmark's {@code @Param}
 * @param jmh         measurement settings
 * @param baseline    baseline selection
 * @param thresholds  regression thresholds in percent
 * @param tags        free-form labels stored with the run
 */
public record ExperimentSpec(String name, String description, String suite, List<String> benchmarks,
        SequencedMap<String, List<String>> matrix, JmhSettings jmh, BaselineSelection baseline,
        Thresholds thresholds, Map<String, String> tags) {

    public ExperimentSpec {
        benchmarks = List.copyOf(benchmarks);
        tags = Map.copyOf(tags);
    }

    public ExperimentSpec withBaseline(BaselineSelection newBaseline) {
        return new ExperimentSpec(name, description, suite, benchmarks, matrix, jmh, newBaseline, thresholds, tags);
    }
}
