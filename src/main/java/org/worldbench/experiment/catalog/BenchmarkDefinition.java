package org.worldbench.experiment.catalog;

import java.util.SequencedMap;

import org.openjdk.jmh.annotations.Mode;

/**
 * A benchmark the platform can run, as compiled into {@code META-INF/BenchmarkList}.
 *
 * @param name       the JMH method name: the benchmark's identity in specs and in the database
 * @param className  fully qualified name of the class that declares the method
 * @param mode       the mode its annotations ask for
 * @param parameters its {@code @Param}s by name, sorted by name
 */
public record BenchmarkDefinition(String name, String className, Mode mode,
        SequencedMap<String, ParameterDefinition> parameters) {

    /** The regular expression that selects exactly this benchmark in JMH's include filter. */
    public String includePattern() {
        return "^" + java.util.regex.Pattern.quote(className + "." + name) + "$";
    }
}
