package org.worldbench.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The result-file formats worldbench imports. */
public enum ResultFormat {
    /** JMH's {@code -rf json}: a top-level array of benchmark results. */
    JMH("jmh", "JMH JSON"),
    /** Google Benchmark's {@code --benchmark_out_format=json}: {@code {context, benchmarks}}. */
    GBENCH("gbench", "Google Benchmark JSON"),
    /** Bencher Metric Format: {@code {benchmark: {measure: {value, lower_value, upper_value}}}}. */
    BMF("bmf", "Bencher Metric Format JSON");

    private final String code;
    private final String title;

    ResultFormat(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() { return code; }
    public String title() { return title; }

    /** From its code ({@code jmh}, {@code gbench}, {@code bmf}); null for {@code auto} (detect). */
    public static ResultFormat ofCode(String code) {
        String wanted = code.toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return null;
        }
        return Arrays.stream(values()).filter(f -> f.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + code + "' (known: auto, "
                        + Arrays.stream(values()).map(ResultFormat::code).collect(Collectors.joining(", ")) + ")"));
    }
}
