package org.worldbench.report.engines;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.worldbench.analysis.ThreadScaling;

/**
 * The thread scaling of one run: for each benchmark with a {@code threads} parameter, throughput with
 * T threads over throughput with 1 thread, with its bootstrap interval, and where that interval lies
 * against a target; from one paired trial (both thread counts measured alternately in its iterations)
 * or from two trials of the same benchmark and other parameters. Like an engine comparison, a ratio
 * within one run, not a verdict against a baseline.
 *
 * @param runId       the run
 * @param experiment  its experiment
 * @param machine     its machine, one line
 * @param level       confidence level of the intervals
 * @param target      the scaling asked for (e.g. 1.9 for 2 threads); NaN for none
 * @param rows        one per benchmark, parameter combination and T &gt; 1
 * @param generatedAt when this was computed
 */
public record ThreadScalingTable(long runId, String experiment, String machine, double level, double target, List<Row> rows,
        Instant generatedAt) {

    /**
     * @param benchmark     the benchmark and its parameters other than {@code threads}, e.g. {@code parallelWorlds{allocation=HEAP}}
     * @param threads       T
     * @param paired        true when both thread counts come from one trial's iterations ({@link ThreadScaling#paired}),
     *                      false when from two trials ({@link ThreadScaling#of})
     * @param medianOne     median time per operation with 1 thread, ns (NaN if missing)
     * @param medianThreads median time per operation with T threads, ns (NaN if missing)
     * @param forksOne      forks measured with 1 thread
     * @param forksThreads  forks measured with T threads (for a paired row, the same forks)
     * @param scaling       throughput(T) / throughput(1); NaN if not computed
     * @param low           lower end of its interval
     * @param high          upper end of its interval
     * @param against       where the interval lies against the target; null without a target or a scaling
     * @param note          why a row has no scaling, otherwise empty
     */
    public record Row(String benchmark, int threads, boolean paired, double medianOne, double medianThreads, int forksOne, int forksThreads,
            double scaling, double low, double high, ThreadScaling.Against against, String note) {

        public boolean hasScaling() {
            return !Double.isNaN(scaling);
        }
    }

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** The table as Markdown, as {@code worldbench scaling} prints it. */
    public String markdown() {
        String percent = Math.round(level * 100) + "%";
        StringBuilder md = new StringBuilder();
        md.append("## worldbench: thread scaling of run ").append(runId).append(" (").append(experiment).append(")\n\n")
                .append("Throughput with T threads over throughput with 1 thread: T × the median time per operation with 1 thread"
                        + " / the median with T threads (one operation is T units of work, one per thread, timed until all are"
                        + " done), with a ").append(percent).append(" fork-aware bootstrap interval. Trust a benchmark's scaling only"
                        + " next to a pure-CPU control's (`parallelSpinControl`) from the same run.");
        if (rows.stream().anyMatch(Row::paired)) {
            md.append(" Rows with *paired* forks measured 1 and T threads alternately in every iteration of the same forks:"
                    + " their scaling is the median of the per-iteration ratios T × time(1) / time(T), forks then iterations"
                    + " resampled, so what differs from one JVM to the next divides out.");
        }
        if (hasTarget()) {
            md.append(" Target ").append(EngineComparisonReports.ratio(target)).append(": met when the whole interval is at or"
                    + " above it, missed when the whole interval is below it.");
        }
        md.append("\n\nMachine: ").append(machine).append("\n\n")
                .append("| benchmark | T | time(1) | time(T) | forks | throughput(T) / throughput(1) | ").append(percent)
                .append(" interval |").append(hasTarget() ? " against " + EngineComparisonReports.ratio(target) + " |" : "")
                .append("\n|---|---:|---:|---:|---:|---:|---|").append(hasTarget() ? "---|" : "").append("\n");
        for (Row r : rows) {
            md.append("| ").append(r.benchmark().replace("|", "\\|")).append(" | ").append(r.threads()).append(" | ")
                    .append(EngineComparisonReports.time(r.medianOne())).append(" | ")
                    .append(EngineComparisonReports.time(r.medianThreads())).append(" | ")
                    .append(r.paired() ? r.forksOne() + " paired" : r.forksOne() + " / " + r.forksThreads()).append(" | ");
            if (r.hasScaling()) {
                md.append(EngineComparisonReports.ratio(r.scaling())).append(" | [").append(EngineComparisonReports.ratio(r.low()))
                        .append(", ").append(EngineComparisonReports.ratio(r.high())).append("] |");
            } else {
                md.append("– | ").append(r.note().replace("|", "\\|")).append(" |");
            }
            if (hasTarget()) {
                md.append(' ').append(r.against() == null ? "–" : r.against().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append("\n<sub>Generated ").append(generatedAt).append(".</sub>\n");
        return md.toString();
    }
}
