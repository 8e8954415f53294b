package org.worldbench.importer;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Broken result files, each with the format asked for ({@code auto} to detect) and the start of the
 * message expected after the file name: the JSON path, then the problem. Shared by the reader test
 * and the persistence contract (which also proves the database unchanged after each).
 */
public final class MalformedResultFiles {

    private static final String JMH_METRIC = "{\"score\": 1.5, \"scoreError\": \"NaN\", \"scoreUnit\": \"ns/op\", \"rawData\": [[1.0, 2.0], [1.5, 1.75]]}";
    private static final String JMH_OK = "{\"benchmark\": \"org.example.Bench.measure\", \"mode\": \"avgt\", \"primaryMetric\": " + JMH_METRIC + "}";
    private static final String GB_ROW = "{\"name\": \"BM_X/8\", \"run_name\": \"BM_X/8\", \"run_type\": \"iteration\", \"repetition_index\": 0,"
            + " \"iterations\": 1000, \"real_time\": 12.5, \"cpu_time\": 12.4, \"time_unit\": \"ns\"}";

    private MalformedResultFiles() {
    }

    /** name, format code, file content, expected message after "FILE:line:column: ". */
    public static List<Arguments> list() {
        List<Arguments> cases = new ArrayList<>();
        // any format
        add(cases, "empty file", "auto", "", "$: the file is empty");
        add(cases, "only white space", "auto", "  \n\t\n", "$: the file is empty");
        add(cases, "not JSON at all", "auto", "benchmark results follow", "$: not valid JSON: Unrecognized token 'benchmark'");
        add(cases, "a number, not a result file", "auto", "42", "$: not a result file: expected an array (JMH) or an object");
        // JMH
        add(cases, "JMH truncated in the raw data", "auto", "[{\"benchmark\": \"org.example.Bench.measure\", \"mode\": \"avgt\","
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ns/op\", \"rawData\": [[1.0, 2.0",
                "$[0].primaryMetric.rawData[0][1]: not valid JSON: the file ends too early (truncated?)");
        add(cases, "JMH asked for, an object given", "jmh", "{\"a\": 1}", "$: expected a JSON array of JMH results");
        add(cases, "JMH empty array", "auto", "[]", "$: no results: the array is empty");
        add(cases, "JMH element not an object", "auto", "[1]", "$[0]: expected a JMH result object");
        add(cases, "JMH benchmark missing", "auto", "[{\"mode\": \"avgt\", \"primaryMetric\": " + JMH_METRIC + "}]",
                "$[0].benchmark: missing: every JMH result has 'benchmark'");
        add(cases, "JMH benchmark not qualified", "auto", "[" + JMH_OK.replace("org.example.Bench.measure", "measure") + "]",
                "$[0].benchmark: expected a fully qualified benchmark 'package.Class.method', got 'measure'");
        add(cases, "JMH unknown mode", "auto", "[" + JMH_OK.replace("avgt", "fast") + "]",
                "$[0].mode: unknown mode 'fast' (JMH modes: thrpt, avgt, sample, ss)");
        add(cases, "JMH score is text", "auto", "[" + JMH_OK.replace("1.5", "\"fast\"") + "]",
                "$[0].primaryMetric.score: expected a number, got text 'fast'");
        add(cases, "JMH raw data of one fork is flat", "auto", "[" + JMH_OK.replace("[[1.0, 2.0], [1.5, 1.75]]", "[1.0, 2.0]") + "]",
                "$[0].primaryMetric.rawData[0]: expected one fork's iteration values (an array of numbers), got the number 1.0");
        add(cases, "JMH without raw data", "auto", "[" + JMH_OK.replace(", \"rawData\": [[1.0, 2.0], [1.5, 1.75]]", "") + "]",
                "$[0].primaryMetric: no raw samples");
        add(cases, "JMH metric without unit", "auto", "[" + JMH_OK.replace("\"scoreUnit\": \"ns/op\", ", "") + "]",
                "$[0].primaryMetric.scoreUnit: missing: every metric has a scoreUnit");
        add(cases, "JMH duplicate result", "auto", "[" + JMH_OK + ", " + JMH_OK + "]",
                "$[1]: duplicate result: org.example.Bench.measure in mode avgt is already at $[0]");
        add(cases, "JMH duplicate key", "auto", "[{\"benchmark\": \"a.B.m\", \"benchmark\": \"a.B.n\"}]",
                "$[0].benchmark: not valid JSON: Duplicate Object property \"benchmark\"");
        add(cases, "JMH both spellings of the GC metric", "auto", "[" + JMH_OK.replace("}}", "}, \"secondaryMetrics\": {"
                + "\"gc.alloc.rate.norm\": " + JMH_METRIC + ", \"\u00b7gc.alloc.rate.norm\": " + JMH_METRIC + "}}") + "]",
                "$[0].secondaryMetrics['\u00b7gc.alloc.rate.norm']: duplicate secondary metric");
        add(cases, "JMH parameter value with a comma", "auto", "[" + JMH_OK.replace("\"mode\"", "\"params\": {\"size\": \"1,2\"}, \"mode\"") + "]",
                "$[0].params.size: parameter names and values must not be empty or contain ',' or '='");
        add(cases, "JMH parameter value is a number", "auto", "[" + JMH_OK.replace("\"mode\"", "\"params\": {\"size\": 5}, \"mode\"") + "]",
                "$[0].params.size: expected text, got the number 5");
        add(cases, "JMH histogram entry of three numbers", "auto", "[" + JMH_OK.replace("\"rawData\": [[1.0, 2.0], [1.5, 1.75]]",
                "\"rawDataHistogram\": [[[[1.0, 5, 7]]]]") + "]",
                "$[0].primaryMetric.rawDataHistogram[0][0][0][2]: a histogram entry is a [value, count] pair");
        add(cases, "JMH content after the array", "auto", "[" + JMH_OK + "] {}", "$: unexpected an object after the end of the document");
        // huge
        add(cases, "huge benchmark name", "auto", "[" + JMH_OK.replace("measure", "m".repeat(300)) + "]",
                "$[0].benchmark: benchmark name too long");
        add(cases, "huge number", "auto", "[" + JMH_OK.replace("1.5", "1" + "0".repeat(1000)) + "]",
                "$[0].primaryMetric.score: not valid JSON: Number value length");
        add(cases, "huge nesting", "auto", "[{\"extra\": " + "[".repeat(100) + "]".repeat(100) + "}]",
                "not valid JSON: Document nesting depth (65) exceeds the maximum allowed (64");
        // Google Benchmark
        add(cases, "Google Benchmark without benchmarks", "auto", "{\"context\": {\"num_cpus\": 2}}",
                "$.benchmarks: missing: a Google Benchmark file has a 'benchmarks' array");
        add(cases, "Google Benchmark with aggregates only", "auto", "{\"context\": {}, \"benchmarks\": ["
                + GB_ROW.replace("\"iteration\", \"repetition_index\": 0", "\"aggregate\", \"aggregate_name\": \"mean\"") + "]}",
                "$.benchmarks[0]: BM_X/8 has only aggregate rows (mean, median, stddev, ...), no repetitions to take samples"
                        + " from: rerun with --benchmark_repetitions=10");
        add(cases, "Google Benchmark with one benchmark reported by its aggregates only", "auto", "{\"context\": {}, \"benchmarks\": ["
                + GB_ROW + ", " + GB_ROW.replace("BM_X/8", "BM_Y/8").replace("\"iteration\", \"repetition_index\": 0",
                        "\"aggregate\", \"aggregate_name\": \"mean\"") + "]}",
                "$.benchmarks[1]: BM_Y/8 has only aggregate rows");
        add(cases, "Google Benchmark without run_type, aggregates only", "auto", "{\"context\": {}, \"benchmarks\": ["
                + GB_ROW.replace("\"name\": \"BM_X/8\", \"run_name\": \"BM_X/8\", \"run_type\": \"iteration\", \"repetition_index\": 0,",
                        "\"name\": \"BM_X/8_mean\",") + ", "
                + GB_ROW.replace("\"name\": \"BM_X/8\", \"run_name\": \"BM_X/8\", \"run_type\": \"iteration\", \"repetition_index\": 0,",
                        "\"name\": \"BM_X/8_median\",") + "]}",
                "$.benchmarks[0]: BM_X/8 has only aggregate rows");
        add(cases, "Google Benchmark duplicate repetition", "auto", "{\"context\": {}, \"benchmarks\": [" + GB_ROW + ", " + GB_ROW + "]}",
                "$.benchmarks[1].repetition_index: duplicate: BM_X/8 repetition 0");
        add(cases, "Google Benchmark time as text", "auto", "{\"context\": {}, \"benchmarks\": [" + GB_ROW.replace("12.5", "\"12.5\"") + "]}",
                "$.benchmarks[0].real_time: expected a number, got text '12.5'");
        add(cases, "Google Benchmark unknown time unit", "auto", "{\"context\": {}, \"benchmarks\": [" + GB_ROW.replace("\"ns\"", "\"min\"") + "]}",
                "$.benchmarks[0].time_unit: unknown time_unit 'min' (ns, us, ms, s)");
        add(cases, "Google Benchmark NaN time", "auto", "{\"context\": {}, \"benchmarks\": [" + GB_ROW.replace("12.5", "NaN") + "]}",
                "$.benchmarks[0].real_time: expected a finite number, got NaN");
        add(cases, "Google Benchmark row without cpu_time", "auto", "{\"context\": {}, \"benchmarks\": ["
                + GB_ROW.replace(", \"cpu_time\": 12.4", "") + "]}", "$.benchmarks[0].name: missing: a repetition row has 'cpu_time'");
        // BMF
        add(cases, "BMF measure without value", "auto", "{\"bench\": {\"latency\": {\"lower_value\": 1.0}}}",
                "$.bench.latency.value: missing: every measure has a 'value'");
        add(cases, "BMF lower value above value", "auto", "{\"bench\": {\"latency\": {\"value\": 2.0, \"lower_value\": 3.0}}}",
                "$.bench.latency.lower_value: lower_value 3.0 is above value 2.0");
        add(cases, "BMF measure is a number", "auto", "{\"bench\": {\"latency\": 5}}",
                "$.bench.latency: expected a measure object {value, lower_value, upper_value}, got the number 5");
        add(cases, "BMF empty object", "auto", "{}", "$: no benchmarks: the object is empty");
        add(cases, "BMF benchmark without measures", "auto", "{\"bench\": {}}", "$.bench: no measures");
        add(cases, "BMF asked for, an array given", "bmf", "[" + JMH_OK + "]", "$: expected a BMF object");
        return cases;
    }

    private static void add(List<Arguments> cases, String name, String format, String content, String expected) {
        cases.add(Arguments.of(name, format, content, expected));
    }
}
