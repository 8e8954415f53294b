package org.worldbench.report;

import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;

/**
 * {@code summary.md}: short enough for a pull-request comment. A headline with the counts, then
 * one table row per benchmark: score, change against the baseline, heap bytes per operation, verdict.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport report) {
        StringBuilder md = new StringBuilder();
        long regressed = report.count(Verdict.REGRESSED);
        md.append("## worldbench: ").append(report.experiment()).append(" — run ").append(report.runId()).append("\n\n");
        md.append(regressed > 0 ? "**" + regressed + " regression(s)**" : "No regression").append(" · ")
                .append(report.count(Verdict.IMPROVED)).append(" improved · ")
                .append(report.count(Verdict.UNCHANGED)).append(" unchanged · ")
                .append(report.count(Verdict.INCONCLUSIVE)).append(" inconclusive")
                .append(report.failedTrials() > 0 ? " · **" + report.failedTrials() + " failed trial(s)**" : "").append("\n\n");
        if (report.machineForced()) {
            md.append("> **⚠ Compared across machines because it was forced**: the baseline was measured on another machine;"
                    + " differences may be the machines', not the code's.\n\n");
        } else if (report.machineRefused()) {
            md.append("> **⚠ Baseline refused**: it was measured on another machine, so nothing was compared"
                    + " (force with `worldbench run --force-machine`).\n\n");
        }
        md.append("Baseline: ").append(escape(report.baselineNote() == null ? "none" : report.baselineNote())).append("  \n");
        md.append("Machine: ").append(escape(report.machine())).append("  \n");
        if (report.gitCommit() != null || report.gitBranch() != null) {
            md.append("Revision: `").append(report.gitCommit() == null ? "?" : report.gitCommit()).append("` on `")
                    .append(report.gitBranch() == null ? "?" : report.gitBranch()).append("`  \n");
        }
        md.append("Method: ").append(escape(report.method())).append("\n\n");
        md.append("| benchmark | mode | score | unit | change | heap B/op | verdict |\n");
        md.append("|---|---|---:|---|---:|---:|---|\n");
        for (BenchmarkResult b : report.benchmarks()) {
            MetricResult primary = b.metric(MetricMeasurement.PRIMARY);
            MetricResult heap = b.metric(MetricMeasurement.GC_ALLOC_RATE_NORM);
            md.append("| `").append(escape(b.label())).append("` | ").append(b.mode() == null ? "–" : b.mode()).append(" | ");
            if (primary == null) {
                md.append("– | – | – | – | ").append("failed".equals(b.status()) ? "**failed**: " + escape(firstLine(b.failure()))
                        : b.status()).append(" |\n");
                continue;
            }
            md.append(Formats.number(primary.score()))
                    .append(Double.isNaN(primary.scoreError()) ? "" : " ± " + Formats.number(primary.scoreError()))
                    .append(" | ").append(escape(primary.unit())).append(" | ").append(Formats.percent(primary.changePercent()))
                    .append(" | ").append(heap == null ? "–" : Formats.number(heap.median()))
                    .append(heap != null && heap.verdict() == Verdict.REGRESSED ? " ⚠" : "")
                    .append(" | ").append(verdictCell(b.verdict())).append(" |\n");
        }
        md.append("\n<sub>Generated ").append(report.generatedAt()).append(" · report files in `reports/")
                .append(report.runId()).append("/`</sub>\n");
        return md.toString();
    }

    private static String verdictCell(Verdict verdict) {
        if (verdict == null) {
            return "not compared";
        }
        return switch (verdict) {
            case REGRESSED -> "**❌ regressed**";
            case IMPROVED -> "✅ improved";
            case UNCHANGED -> "unchanged";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Table cells must not contain a pipe or a line break. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }
}
