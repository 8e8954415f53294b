package org.worldbench.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.analysis.VerdictSettings;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.report.RunReport.BenchmarkResult;
import org.worldbench.report.RunReport.MetricResult;
import org.worldbench.results.BenchmarkHistory;
import org.worldbench.results.Comparison;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/** Reads one run, its trials, metrics, samples and comparisons into a {@link RunReport}. */
@Component
public class RunReportLoader {

    private final RunRepository runs;
    private final TrialRepository trials;
    private final TrialMetricRepository metrics;
    private final ComparisonRepository comparisons;
    private final RunStore store;
    private final VerdictSettings settings;
    private final BenchmarkHistory history;
    private final Clock clock;

    public RunReportLoader(RunRepository runs, TrialRepository trials, TrialMetricRepository metrics,
            ComparisonRepository comparisons, RunStore store, VerdictSettings settings, BenchmarkHistory history, Clock clock) {
        this.runs = runs;
        this.trials = trials;
        this.metrics = metrics;
        this.comparisons = comparisons;
        this.store = store;
        this.settings = settings;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RunReport load(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        List<Trial> runTrials = trials.findByRunIdOrderByOrdinal(runId);
        Map<Long, List<TrialMetric>> metricsByTrial = new HashMap<>();
        for (TrialMetric m : metrics.findByRun(runId)) {
            metricsByTrial.computeIfAbsent(m.getTrialId(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Comparison> comparisonByKey = new HashMap<>();
        for (Comparison c : comparisons.findByRunIdOrderById(runId)) {
            comparisonByKey.put(c.getBenchmark().getId() + "/" + c.getMetric(), c);
        }
        // The baseline's trials: every run any comparison pooled (one, or k for a rolling baseline).
        java.util.Set<Long> baselineRuns = new java.util.TreeSet<>();
        comparisonByKey.values().forEach(c -> baselineRuns.addAll(c.getBaselineRunIds()));
        if (baselineRuns.isEmpty() && run.getBaselineRunId() != null) {
            baselineRuns.add(run.getBaselineRunId());
        }
        Map<String, Trial> baselineTrialByRunAndBenchmark = new HashMap<>();
        for (Long baselineRun : baselineRuns) {
            trials.findByRunIdOrderByOrdinal(baselineRun).stream().filter(t -> t.getStatus() == TrialStatus.DONE)
                    .forEach(t -> baselineTrialByRunAndBenchmark.put(baselineRun + "/" + t.getBenchmark().getId(), t));
        }
        // Whole runs at a time: one query per run and metric, however many trials (a trial's samples are found by its id).
        Map<String, Map<Long, double[][]>> samples = new HashMap<>();
        Map<String, Map<Long, double[][]>> baselineSamples = new HashMap<>();
        for (String metric : store.metricNames(runId)) {
            samples.put(metric, store.samplesOfRun(runId, metric));
            Map<Long, double[][]> theirs = new HashMap<>();
            for (Long baselineRun : baselineRuns) {
                theirs.putAll(store.samplesOfRun(baselineRun, metric));
            }
            baselineSamples.put(metric, theirs);
        }

        Map<String, List<BenchmarkHistory.StoredChangePoint>> changePoints = history.changePoints(run.getMachine().getId(),
                comparisonByKey.values().stream().map(c -> c.getBenchmark().getId()).toList());

        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (Trial t : runTrials) {
            List<MetricResult> results = new ArrayList<>();
            List<TrialMetric> trialMetrics = new ArrayList<>(metricsByTrial.getOrDefault(t.getId(), List.of()));
            trialMetrics.sort((a, b) -> a.getMetric().equals(MetricMeasurement.PRIMARY) ? -1
                    : b.getMetric().equals(MetricMeasurement.PRIMARY) ? 1 : a.getMetric().compareTo(b.getMetric()));
            for (TrialMetric m : trialMetrics) {
                Comparison c = comparisonByKey.get(t.getBenchmark().getId() + "/" + m.getMetric());
                double[][] own = samples.getOrDefault(m.getMetric(), Map.of()).getOrDefault(t.getId(), new double[0][]);
                List<Long> pooledRuns = c != null && !c.getBaselineRunIds().isEmpty() ? List.copyOf(c.getBaselineRunIds())
                        : run.getBaselineRunId() == null ? List.of() : List.of(run.getBaselineRunId());
                double[][] theirs = baselineSamples(pooledRuns, t.getBenchmark().getId(),
                        baselineSamples.getOrDefault(m.getMetric(), Map.of()), baselineTrialByRunAndBenchmark);
                results.add(new MetricResult(m.getMetric(), m.getUnit(), nan(m.getScore()), nan(m.getScoreError()),
                        nan(m.getP50()), own, theirs, c == null ? null : c.getVerdict(),
                        c == null ? Double.NaN : nan(c.getBaselineMedian()), c == null ? Double.NaN : nan(c.getChangePercent()),
                        c == null ? Double.NaN : c.getThresholdPercent(), c == null ? null : c.getReason(),
                        c == null ? RunReport.Statistics.NONE : statistics(c, changePoints)));
            }
            benchmarks.add(new BenchmarkResult(t.getOrdinal(), t.getBenchmark().getName(), t.getBenchmark().getClassName(),
                    t.getBenchmark().getParamsKey(), t.getStatus().code(), t.getMode(), t.getFailure(),
                    t.getStartedAt() == null || t.getFinishedAt() == null ? 0
                            : java.time.Duration.between(t.getStartedAt(), t.getFinishedAt()).toMillis() / 1000.0,
                    results));
        }
        return new RunReport(run.getId(), run.getExperiment(), run.getDescription(), run.getStatus().code(),
                run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt(), run.getGitCommit(), run.getGitBranch(),
                Map.copyOf(run.getTags()), run.getMachine().describe(), run.getMachine().getFingerprint(),
                run.getBaselineRunId(), run.getBaselineNote(), settings.describe(), benchmarks, clock.instant());
    }

    /** The forks of every pooled baseline run, one after the other; null when none has the benchmark. */
    private static double[][] baselineSamples(List<Long> runIds, long benchmarkId, Map<Long, double[][]> samplesByTrial,
            Map<String, Trial> trialByRunAndBenchmark) {
        List<double[]> forks = new ArrayList<>();
        boolean found = false;
        for (Long runId : runIds) {
            Trial trial = trialByRunAndBenchmark.get(runId + "/" + benchmarkId);
            double[][] theirs = trial == null ? null : samplesByTrial.get(trial.getId());
            if (theirs != null) {
                found = true;
                forks.addAll(List.of(theirs));
            }
        }
        return found ? forks.toArray(double[][]::new) : null;
    }

    private static RunReport.Statistics statistics(Comparison c, Map<String, List<BenchmarkHistory.StoredChangePoint>> changePoints) {
        List<RunReport.ChangePointView> steps = changePoints.getOrDefault(
                BenchmarkHistory.changePointKey(c.getBenchmark().getId(), c.getMetric()), List.of()).stream()
                .map(p -> new RunReport.ChangePointView(p.runId(), p.relativeChange(), p.pValue())).toList();
        return new RunReport.Statistics(c.getEffectScale(), nan(c.getCiLow()), nan(c.getCiHigh()), nan(c.getConfidenceLevel()),
                nan(c.getPValue()), nan(c.getAdjustedPValue()), c.getBaselineMode(), List.copyOf(c.getBaselineRunIds()),
                c.isMachineForced(), c.getHistoryStatus(), steps);
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
