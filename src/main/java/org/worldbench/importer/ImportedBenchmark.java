package org.worldbench.importer;

import java.util.SequencedMap;

import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * One benchmark result of an imported file, in the shape of a measured trial.
 *
 * @param name        benchmark name as worldbench stores it: a JMH method name, or the other tool's
 *                    full name (Google Benchmark's {@code BM_FK/7}, a BMF key)
 * @param className   JMH's declaring class; for other formats the program or format that produced it
 * @param parameters  JMH {@code @Param} values sorted by name; empty for other formats
 * @param measurement the metrics and raw samples (primary first), or null when the tool reports the
 *                    benchmark as failed
 * @param failure     the tool's error message when it failed, otherwise null
 * @param source      JSONPath of the result in the file, for messages
 */
public record ImportedBenchmark(String name, String className, SequencedMap<String, String> parameters,
        TrialMeasurement measurement, String failure, String source) {

    /** {@code name{param=value,...}}: the identity of the benchmark across runs. */
    public String label() {
        return name + (parameters.isEmpty() ? "" : "{" + PlannedTrial.key(parameters) + "}");
    }

    PlannedTrial planned(int ordinal) {
        return new PlannedTrial(ordinal, name, className, parameters);
    }
}
