package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.report.RunReport;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * The verdict table printed after a run, and the exit code it implies.
 *
 * <p>A run of a few dozen benchmarks prints every row in run order. A larger one (an import of
 * 100,000 results, a full suite) would bury its regressions in a screen of "UNCHANGED" rows, so
 * beyond {@link #FULL_TABLE_ROWS} rows the table lists what needs reading, worst first: regressed,
 * failed, inconclusive, improved. It then says how many unchanged and uncompared rows it left out.
 * {@code --all} prints every row; the report files always hold every benchmark.
 */
final class VerdictTable {

    /** Tables up to this many rows are printed whole. */
    static final int FULL_TABLE_ROWS = 50;

    private VerdictTable() {
    }

    /** @param all every row, however many (otherwise a large table lists only what changed) */
    static void print(RunReport report, PrintWriter out, boolean all) {
        List<BenchmarkResult> rows = report.benchmarks();
        boolean compact = !all && rows.size() > FULL_TABLE_ROWS;
        Listing listing = compact ? worthReading(rows) : new Listing(rows, 0);
        List<BenchmarkResult> listed = listing.rows();
        int width = Math.max(9, listed.stream().mapToInt(b -> b.label().length()).max().orElse(9));
        String format = "%-" + width + "s  %14s %-6s  %9s  %10s  %s%n";
        out.printf(Locale.ROOT, format, "benchmark", "median", "unit", "change", "heap B/op", "verdict");
        for (BenchmarkResult b : listed) {
            printRow(b, format, out);
        }
        if (compact) {
            long notListed = rows.size() - listed.size();
            out.printf(Locale.ROOT, "… %d more not listed (%d unchanged, %d not compared); --all lists every benchmark%n",
                    notListed, listing.unchanged(), notListed - listing.unchanged());
        }
        if (report.machineForced()) {
            out.println("WARNING: compared across machines because it was forced: differences may be the machines', not the code's");
        } else if (report.machineRefused()) {
            out.println("WARNING: baseline refused: it was measured on another machine (force with --force-machine)");
        }
        out.printf(Locale.ROOT, "%d regressed, %d improved, %d unchanged, %d inconclusive%s. Baseline: %s%n",
                report.count(Verdict.REGRESSED), report.count(Verdict.IMPROVED), report.count(Verdict.UNCHANGED),
                report.count(Verdict.INCONCLUSIVE), report.failedTrials() > 0 ? ", " + report.failedTrials() + " trial(s) FAILED" : "",
                report.baselineNote() == null ? "none" : report.baselineNote());
        out.flush();
    }

    private static void printRow(BenchmarkResult b, String format, PrintWriter out) {
        MetricResult p = b.metric(MetricMeasurement.PRIMARY);
        MetricResult heap = b.metric(MetricMeasurement.GC_ALLOC_RATE_NORM);
        if (p == null) {
            out.printf(Locale.ROOT, format, b.label(), "–", "", "", "", b.status().toUpperCase(Locale.ROOT)
                    + (b.failure() == null ? "" : ": " + b.failure().lines().findFirst().orElse("")));
            return;
        }
        Verdict v = b.verdict();
        out.printf(Locale.ROOT, format, b.label(), number(p.median()), p.unit(),
                Double.isNaN(p.changePercent()) ? "–" : String.format(Locale.ROOT, "%+.2f%%", p.changePercent()),
                heap == null ? "–" : number(heap.median()),
                v == null ? "not compared" : v.code().toUpperCase(Locale.ROOT) + reasonFor(b, v));
    }

    /** Rows to print, and how many of the rows left out are unchanged (the others were not compared). */
    private record Listing(List<BenchmarkResult> rows, long unchanged) {
    }

    /**
     * The rows a reader must see, worst first (run order within each kind): regressed, failed,
     * inconclusive, improved. One pass: each row's kind is worked out once.
     */
    private static Listing worthReading(List<BenchmarkResult> rows) {
        List<List<BenchmarkResult>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long unchanged = 0;
        for (BenchmarkResult b : rows) {
            int kind = kindOf(b);
            if (kind < byKind.size()) {
                byKind.get(kind).add(b);
            } else if (b.verdict() == Verdict.UNCHANGED) {
                unchanged++;
            }
        }
        List<BenchmarkResult> listed = new ArrayList<>();
        byKind.forEach(listed::addAll);
        return new Listing(listed, unchanged);
    }

    /** 0 regressed, 1 failed (no primary metric), 2 inconclusive, 3 improved, 4 unchanged or not compared. */
    private static int kindOf(BenchmarkResult b) {
        if (b.metric(MetricMeasurement.PRIMARY) == null) {
            return 1;
        }
        Verdict v = b.verdict();
        if (v == null) {
            return 4;
        }
        return switch (v) {
            case REGRESSED -> 0;
            case INCONCLUSIVE -> 2;
            case IMPROVED -> 3;
            default -> 4;
        };
    }

    private static String reasonFor(BenchmarkResult b, Verdict verdict) {
        if (verdict != Verdict.REGRESSED) {
            return "";
        }
        return b.metrics().stream().filter(m -> m.verdict() == Verdict.REGRESSED)
                .map(m -> (m.name().equals(MetricMeasurement.PRIMARY) ? "" : m.name() + " ") + "(" + m.reason() + ")")
                .findFirst().map(r -> " " + r).orElse("");
    }

    /** 0 no regression, 1 a regression, 2 the run or a trial failed. */
    static int exitCode(RunReport report) {
        if (!"completed".equals(report.status()) || report.failedTrials() > 0) {
            return ExitCode.INVALID_OR_FAILED;
        }
        return report.count(Verdict.REGRESSED) > 0 ? ExitCode.REGRESSION : ExitCode.OK;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4g", value);
    }
}
