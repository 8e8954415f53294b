package org.worldbench.benchmark.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The JMH result file of {@link ImportJmhFileBenchmark}: {@code count} results of 20 methods ×
 * {@code count / 20} parameter values, each with a primary metric and a {@code gc.alloc.rate.norm}
 * metric of 1 fork × 3 iterations, pretty-printed as JMH writes it. Also a command, to profile
 * {@code worldbench import} end to end on the same file:
 * {@code java -cp target/benchmarks.jar org.worldbench.benchmark.platform.GeneratedJmhFile FILE [COUNT]}.
 */
public final class GeneratedJmhFile {

    private static final int METHODS = 20;

    private GeneratedJmhFile() {
    }

    /** Writes FILE with COUNT results (default 100,000). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: GeneratedJmhFile FILE [COUNT]");
            System.exit(2);
        }
        write(Path.of(args[0]), args.length == 2 ? Integer.parseInt(args[1]) : 100_000);
    }

    /** A JMH -rf json file as JMH 1.37 writes it (fields in JMH's order), seeded so every fork writes the same file. */
    static void write(Path target, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < count; i++) {
                String size = String.format(Locale.ROOT, "%06d", i / METHODS);
                out.write(i == 0 ? "" : ",\n");
                out.write("    {\n        \"jmhVersion\" : \"1.37\",\n        \"benchmark\" : \"org.example.bench.Generated.method"
                        + (i % METHODS) + "\",\n        \"mode\" : \"avgt\",\n        \"threads\" : 1,\n        \"forks\" : 1,\n"
                        + "        \"jvm\" : \"java\",\n        \"jvmArgs\" : [\n        ],\n        \"jdkVersion\" : \"25.0.3\",\n"
                        + "        \"vmName\" : \"OpenJDK 64-Bit Server VM\",\n        \"vmVersion\" : \"25.0.3+9-LTS\",\n"
                        + "        \"warmupIterations\" : 3,\n        \"warmupTime\" : \"1 s\",\n        \"warmupBatchSize\" : 1,\n"
                        + "        \"measurementIterations\" : 3,\n        \"measurementTime\" : \"1 s\",\n"
                        + "        \"measurementBatchSize\" : 1,\n        \"params\" : {\n            \"size\" : \"" + size + "\"\n"
                        + "        },\n        \"primaryMetric\" : ");
                metric(out, random, 1000, "ns/op");
                out.write(",\n        \"secondaryMetrics\" : {\n            \"gc.alloc.rate.norm\" : ");
                metric(out, random, 64, "B/op");
                out.write("\n        }\n    }");
            }
            out.write("\n]\n");
        }
    }

    private static void metric(BufferedWriter out, SplittableRandom random, double centre, String unit) throws IOException {
        double[] v = {centre + random.nextGaussian() * centre / 100, centre + random.nextGaussian() * centre / 100,
                centre + random.nextGaussian() * centre / 100};
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double mean = (v[0] + v[1] + v[2]) / 3;
        out.write("{\n                \"score\" : " + mean + ",\n                \"scoreError\" : " + (sorted[2] - sorted[0])
                + ",\n                \"scoreConfidence\" : [\n                    " + (mean - 1) + ",\n                    "
                + (mean + 1) + "\n                ],\n                \"scorePercentiles\" : {\n                    \"0.0\" : "
                + sorted[0] + ",\n                    \"50.0\" : " + sorted[1] + ",\n                    \"90.0\" : " + sorted[2]
                + ",\n                    \"95.0\" : " + sorted[2] + ",\n                    \"99.0\" : " + sorted[2]
                + ",\n                    \"99.9\" : " + sorted[2] + ",\n                    \"100.0\" : " + sorted[2]
                + "\n                },\n                \"scoreUnit\" : \"" + unit + "\",\n                \"rawData\" : [\n"
                + "                    [\n                        " + v[0] + ",\n                        " + v[1]
                + ",\n                        " + v[2] + "\n                    ]\n                ]\n            }");
    }
}
