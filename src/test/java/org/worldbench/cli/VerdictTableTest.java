package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.worldbench.analysis.Verdict;
import org.worldbench.report.RunReport;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/** A small table is printed whole, in run order; a large one lists what changed, worst first, and counts the rest. */
class VerdictTableTest {

    @Test
    void a_small_table_lists_every_benchmark_in_run_order() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int i = 0; i < VerdictTable.FULL_TABLE_ROWS; i++) {
            rows.add(result(i, i == 7 ? Verdict.REGRESSED : Verdict.UNCHANGED));
        }

        List<String> lines = print(rows, false);

        assertThat(lines).hasSize(1 + VerdictTable.FULL_TABLE_ROWS + 1);
        assertThat(lines.get(1)).startsWith("b{i=0}");
        assertThat(lines.get(8)).startsWith("b{i=7}").contains("REGRESSED");
        assertThat(lines).noneMatch(line -> line.contains("not listed"));
    }

    @Test
    void a_large_table_lists_regressed_failed_inconclusive_and_improved_rows_worst_first_and_counts_the_rest() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Verdict v = switch (i) {
                case 10 -> Verdict.IMPROVED;
                case 500 -> Verdict.INCONCLUSIVE;
                case 900, 20 -> Verdict.REGRESSED;
                case 30, 31 -> null; // no baseline for these two
                default -> Verdict.UNCHANGED;
            };
            rows.add(result(i, v));
        }
        rows.add(new BenchmarkResult(1000, "broken", "S", "", "failed", null, "fork exited with 1", 0, List.of()));

        List<String> lines = print(rows, false);

        assertThat(lines.subList(1, 6)).extracting(line -> line.split(" ")[0])
                .containsExactly("b{i=20}", "b{i=900}", "broken", "b{i=500}", "b{i=10}");
        assertThat(lines.get(3)).contains("FAILED: fork exited with 1");
        assertThat(lines.get(6)).isEqualTo("… 996 more not listed (994 unchanged, 2 not compared); --all lists every benchmark");
        assertThat(lines.get(7)).startsWith("2 regressed, 1 improved, 994 unchanged, 1 inconclusive, 1 trial(s) FAILED.");
        assertThat(lines).hasSize(8);
    }

    @Test
    void all_lists_every_row_of_a_large_table_in_run_order() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(result(i, i == 150 ? Verdict.REGRESSED : Verdict.UNCHANGED));
        }

        List<String> lines = print(rows, true);

        assertThat(lines).hasSize(1 + 200 + 1);
        assertThat(lines.get(151)).startsWith("b{i=150}").contains("REGRESSED");
    }

    @Test
    void the_summary_counts_benchmarks_by_their_worst_metric_not_metrics() {
        BenchmarkResult fasterButAllocating = withHeap(result(0, Verdict.IMPROVED), Verdict.REGRESSED);
        BenchmarkResult unchangedBoth = withHeap(result(1, Verdict.UNCHANGED), Verdict.UNCHANGED);

        List<String> lines = print(List.of(fasterButAllocating, unchangedBoth), false);

        assertThat(lines.get(1)).contains("REGRESSED");
        assertThat(lines.get(3)).startsWith("1 regressed, 0 improved, 1 unchanged, 0 inconclusive.");
    }

    private static BenchmarkResult withHeap(BenchmarkResult b, Verdict heapVerdict) {
        MetricResult heap = new MetricResult("gc.alloc.rate.norm", "B/op", 64, 0, 64, new double[][] {{64}},
                new double[][] {{0}}, heapVerdict, 0, Double.NaN, 5, heapVerdict == Verdict.REGRESSED ? "allocates" : null);
        List<MetricResult> metrics = new ArrayList<>(b.metrics());
        metrics.add(heap);
        return new BenchmarkResult(b.ordinal(), b.name(), b.className(), b.parameters(), b.status(), b.mode(), null, 1, metrics);
    }

    private static List<String> print(List<BenchmarkResult> rows, boolean all) {
        RunReport report = new RunReport(1, "x", "", "completed", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null,
                Map.of(), "m", "f", null, "run 0", "method", rows, Instant.EPOCH);
        StringWriter text = new StringWriter();
        VerdictTable.print(report, new PrintWriter(text), all);
        return text.toString().lines().toList();
    }

    private static BenchmarkResult result(int i, Verdict verdict) {
        double change = verdict == Verdict.REGRESSED ? 10 : verdict == Verdict.IMPROVED ? -10 : 0;
        MetricResult primary = new MetricResult("primary", "ns/op", 100 + change, 1, 100 + change, new double[][] {{100 + change}},
                new double[][] {{100}}, verdict, verdict == null ? Double.NaN : 100, verdict == null ? Double.NaN : change, 5,
                verdict == Verdict.REGRESSED ? "worse by +10%" : null);
        return new BenchmarkResult(i, "b", "S", "i=" + i, "done", "avgt", null, 1, List.of(primary));
    }
}
