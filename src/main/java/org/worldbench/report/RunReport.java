package org.worldbench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.worldbench.analysis.Verdict;

/**
 * Everything a report shows about one run, read from the database once and rendered by each
 * writer. Plain data: writers never touch the database.
 *
 * @param runId          the run
 * @param experiment     experiment name
 * @param description    the spec's description
 * @param status         run status code
 * @param createdAt      when the run was stored
 * @param startedAt      when measuring began (null if never)
 * @param finishedAt     when the job ended (null if it has not)
 * @param gitCommit      measured revision or null
 * @param gitBranch      measured branch or null
 * @param tags           the run's tags
 * @param machine        one-line machine description
 * @param fingerprint    the machine fingerprint (hex)
 * @param baselineRunId  the baseline run, or null
 * @param baselineNote   how the baseline was chosen or why there is none
 * @param method         how verdicts were reached
 * @param benchmarks     one entry per trial, in plan order
 * @param generatedAt    when this report was generated
 */
public record RunReport(long runId, String experiment, String description, String status, Instant createdAt,
        Instant startedAt, Instant finishedAt, String gitCommit, String gitBranch, Map<String, String> tags, String machine,
        String fingerprint, Long baselineRunId, String baselineNote, String method, List<BenchmarkResult> benchmarks,
        Instant generatedAt) {

    /**
     * One trial: a benchmark with its parameters.
     *
     * @param ordinal    position in the run
     * @param name       JMH method name
     * @param className  declaring class
     * @param parameters canonical parameter key ("" for none)
     * @param status     trial status code ({@code done}, {@code failed}, {@code pending})
     * @param mode       JMH mode label, null if not measured
     * @param failure    why the trial failed, or null
     * @param seconds    wall time of the trial's forks, seconds (0 if not measured)
     * @param metrics    every stored metric, primary first
     */
    public record BenchmarkResult(int ordinal, String name, String className, String parameters, String status, String mode,
            String failure, double seconds, List<MetricResult> metrics) {

        public String label() {
            return name + (parameters.isEmpty() ? "" : "{" + parameters + "}");
        }

        public MetricResult metric(String metric) {
            return metrics.stream().filter(m -> m.name().equals(metric)).findFirst().orElse(null);
        }

        /** The worst verdict over its compared metrics; null when nothing was compared. */
        public Verdict verdict() {
            Verdict worst = null;
            for (MetricResult m : metrics) {
                if (m.verdict() != null && (worst == null || rank(m.verdict()) > rank(worst))) {
                    worst = m.verdict();
                }
            }
            return worst;
        }

        private static int rank(Verdict v) {
            return switch (v) {
                case REGRESSED -> 3;
                case INCONCLUSIVE -> 2;
                case IMPROVED -> 1;
                case UNCHANGED -> 0;
            };
        }
    }

    /**
     * One metric of a trial with its verdict, if it was compared.
     *
     * @param name            {@code primary} or a secondary metric label
     * @param unit            JMH unit
     * @param score           JMH aggregate score (NaN if absent)
     * @param scoreError      JMH 99.9% error (NaN if absent)
     * @param median          p50 of the samples
     * @param samples         raw samples {@code [fork][iteration]}; empty if none stored
     * @param baselineSamples the baseline's samples for the same benchmark, or null
     * @param verdict         null when not compared
     * @param baselineMedian  NaN without baseline
     * @param changePercent   signed percent change of the median, NaN when undefined
     * @param thresholdPercent threshold used (NaN when not compared)
     * @param reason          the comparison's reason, or null
     * @param statistics      the comparison's interval, tests, baseline and history ({@link Statistics#NONE} when not compared)
     */
    public record MetricResult(String name, String unit, double score, double scoreError, double median, double[][] samples,
            double[][] baselineSamples, Verdict verdict, double baselineMedian, double changePercent, double thresholdPercent,
            String reason, Statistics statistics) {

        public MetricResult(String name, String unit, double score, double scoreError, double median, double[][] samples,
                double[][] baselineSamples, Verdict verdict, double baselineMedian, double changePercent,
                double thresholdPercent, String reason) {
            this(name, unit, score, scoreError, median, samples, baselineSamples, verdict, baselineMedian, changePercent,
                    thresholdPercent, reason, Statistics.NONE);
        }

        public int sampleCount() {
            int n = 0;
            for (double[] fork : samples) {
                n += fork.length;
            }
            return n;
        }
    }

    /**
     * What a comparison computed beyond the verdict.
     *
     * @param effectScale     {@code ratio}, {@code difference} (bytes per op from zero), or null when not computed
     * @param ciLow           lower end of the bootstrap interval on that scale (NaN when not computed)
     * @param ciHigh          upper end
     * @param confidenceLevel of the interval (0.99), NaN when not computed
     * @param pValue          Mann–Whitney U p-value, NaN when not computed
     * @param adjustedPValue  Benjamini–Hochberg adjusted over the run, NaN when not computed
     * @param baselineMode    {@code named}, {@code latest}, {@code rolling}, or null
     * @param baselineRunIds  the runs whose samples made the baseline
     * @param machineForced   the baseline was measured on another machine and the comparison was forced
     * @param historyStatus   {@code steady}, {@code new-step}, {@code unconfirmed-deviation}, {@code too-short}, or null
     * @param changePoints    the steps stored for this benchmark metric on this machine, oldest first
     */
    public record Statistics(String effectScale, double ciLow, double ciHigh, double confidenceLevel, double pValue,
            double adjustedPValue, String baselineMode, List<Long> baselineRunIds, boolean machineForced, String historyStatus,
            List<ChangePointView> changePoints) {

        public static final Statistics NONE = new Statistics(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                null, List.of(), false, null, List.of());

        public Statistics {
            baselineRunIds = List.copyOf(baselineRunIds);
            changePoints = List.copyOf(changePoints);
        }
    }

    /**
     * A step in a benchmark's history.
     *
     * @param runId          the first run at the new level
     * @param relativeChange (after − before) / before
     * @param pValue         permutation p-value
     */
    public record ChangePointView(long runId, double relativeChange, double pValue) {
    }

    /** True when any comparison was made against another machine's baseline because it was forced. */
    public boolean machineForced() {
        return benchmarks.stream().flatMap(b -> b.metrics().stream()).anyMatch(m -> m.statistics().machineForced());
    }

    /** True when the baseline was refused because it was measured on another machine (the note says so). */
    public boolean machineRefused() {
        return baselineNote != null && baselineNote.contains("REFUSED");
    }

    /**
     * Benchmarks whose verdict, the worst of their metrics' ({@link BenchmarkResult#verdict()}), is
     * {@code verdict}: the summary counts the rows a reader sees, so a benchmark with a compared
     * heap metric counts once, not once per metric.
     */
    public long count(Verdict verdict) {
        return benchmarks.stream().filter(b -> b.verdict() == verdict).count();
    }

    public long failedTrials() {
        return benchmarks.stream().filter(b -> "failed".equals(b.status())).count();
    }
}
