package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.report.RunReport;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/** The verdict table printed after a run, and the exit code it implies. */
final class VerdictTable {

    private VerdictTable() {
    }

    static void print(RunReport report, PrintWriter out) {
        int width = Math.max(9, report.benchmarks().stream().mapToInt(b -> b.label().length()).max().orElse(9));
        String format = "%-" + width + "s  %14s %-6s  %9s  %10s  %s%n";
        out.printf(Locale.ROOT, format, "benchmark", "median", "unit", "change", "heap B/op", "verdict");
        for (BenchmarkResult b : report.benchmarks()) {
            MetricResult p = b.metric(MetricMeasurement.PRIMARY);
            MetricResult heap = b.metric(MetricMeasurement.GC_ALLOC_RATE_NORM);
            if (p == null) {
                out.printf(Locale.ROOT, format, b.label(), "–", "", "", "", b.status().toUpperCase(Locale.ROOT)
                        + (b.failure() == null ? "" : ": " + b.failure().lines().findFirst().orElse("")));
                continue;
            }
            Verdict v = b.verdict();
            out.printf(Locale.ROOT, format, b.label(), number(p.median()), p.unit(),
                    Double.isNaN(p.changePercent()) ? "–" : String.format(Locale.ROOT, "%+.2f%%", p.changePercent()),
                    heap == null ? "–" : number(heap.median()),
                    v == null ? "not compared" : v.code().toUpperCase(Locale.ROOT) + reasonFor(b, v));
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
