package org.worldbench.analysis.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.worldbench.analysis.Samples;

/** Reads the primary metric's raw samples per fork from a JMH JSON result in the test resources. */
final class JmhSamples {

    private JmhSamples() {
    }

    static List<Samples> primaryScores(String resource) {
        try (InputStream in = JmhSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            List<Samples> benchmarks = new ArrayList<>();
            for (JsonNode benchmark : new ObjectMapper().readTree(in)) {
                JsonNode raw = benchmark.path("primaryMetric").path("rawData");
                double[][] forks = new double[raw.size()][];
                for (int f = 0; f < forks.length; f++) {
                    forks[f] = new double[raw.get(f).size()];
                    for (int i = 0; i < forks[f].length; i++) {
                        forks[f][i] = raw.get(f).get(i).asDouble();
                    }
                }
                benchmarks.add(Samples.of(forks));
            }
            return benchmarks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
