package org.worldbench.experiment.plan;

import java.util.SequencedMap;

/**
 * One benchmark with one value for each of its parameters: the unit of measurement. Each trial
 * runs in JVMs of its own.
 *
 * @param ordinal    position in the run, from 1; trials are measured in this order
 * @param benchmark  JMH method name
 * @param className  class declaring the method
 * @param parameters every {@code @Param} of the benchmark with its value, sorted by name
 */
public record PlannedTrial(int ordinal, String benchmark, String className, SequencedMap<String, String> parameters) {

    /** The canonical parameter key, {@code name=value} pairs sorted by name joined by commas; "" for none. */
    public String parametersKey() {
        return key(parameters);
    }

    public static String key(SequencedMap<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        // A loop, not a stream: an import builds this key for every one of up to 100,000 results.
        StringBuilder key = new StringBuilder(16 * parameters.size());
        for (var parameter : parameters.entrySet()) {
            if (!key.isEmpty()) {
                key.append(',');
            }
            key.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return key.toString();
    }

    /** Inverse of {@link #key}: parameter name → value, in key order. */
    public static SequencedMap<String, String> parseKey(String key) {
        SequencedMap<String, String> parameters = new java.util.LinkedHashMap<>();
        if (!key.isEmpty()) {
            for (String pair : key.split(",")) {
                int eq = pair.indexOf('=');
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parameters;
    }

    /** {@code synthetic{size=10000,slowdown=5}}: how a trial is named to people. */
    public String label() {
        return benchmark + (parameters.isEmpty() ? "" : "{" + parametersKey() + "}");
    }
}
