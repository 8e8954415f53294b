package org.worldbench.report.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.analysis.Effect;
import org.worldbench.analysis.MedianRatioInterval;
import org.worldbench.analysis.Samples;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * {@code worldbench compare-engines}: pairs two stored runs' benchmarks through a mapping and
 * reports each pair's ratio of median time per operation with a 95% fork-aware bootstrap interval,
 * in {@code reports/engines-A-B/} (HTML with chart, Markdown, CSV, JSON).
 */
@Service
public class EngineComparisonService {

    /** Confidence level of the intervals. */
    public static final double LEVEL = 0.95;
    public static final String[] FILES = {"index.html", "summary.md", "results.csv", "results.json"};

    private final RunRepository runs;
    private final TrialRepository trials;
    private final TrialMetricRepository metrics;
    private final RunStore store;
    private final Path reportsDirectory;
    private final Clock clock;

    public EngineComparisonService(RunRepository runs, TrialRepository trials, TrialMetricRepository metrics, RunStore store,
            @Value("${worldbench.reports-dir:./reports}") Path reportsDirectory, Clock clock) {
        this.runs = runs;
        this.trials = trials;
        this.metrics = metrics;
        this.store = store;
        this.reportsDirectory = reportsDirectory;
        this.clock = clock;
    }

    /** A benchmark's primary samples in nanoseconds per operation, or why there are none. */
    private record Side(Samples samples, String problem) {
    }

    @Transactional(readOnly = true)
    public EngineComparison compare(long runA, long runB, EngineMapping mapping) {
        Run a = runs.findById(runA).orElseThrow(() -> new IllegalArgumentException("no run with id " + runA));
        Run b = runs.findById(runB).orElseThrow(() -> new IllegalArgumentException("no run with id " + runB));
        Map<String, Side> sidesA = sides(a);
        Map<String, Side> sidesB = sides(b);
        List<EngineComparison.Row> rows = new ArrayList<>();
        for (EngineMapping.Pair pair : mapping.pairs()) {
            Side left = sidesA.getOrDefault(pair.a(), new Side(null, "not in run " + runA));
            Side right = sidesB.getOrDefault(pair.b(), new Side(null, "not in run " + runB));
            double medianA = left.samples() == null ? Double.NaN : median(left.samples());
            double medianB = right.samples() == null ? Double.NaN : median(right.samples());
            int countA = left.samples() == null ? 0 : left.samples().size();
            int countB = right.samples() == null ? 0 : right.samples().size();
            String note = String.join("; ", java.util.stream.Stream.of(left.problem() == null ? null : pair.a() + ": " + left.problem(),
                    right.problem() == null ? null : pair.b() + ": " + right.problem())
                    .filter(java.util.Objects::nonNull).toList());
            if (!note.isEmpty()) {
                rows.add(new EngineComparison.Row(pair.workload(), pair.a(), pair.b(), medianA, medianB, countA, countB,
                        Double.NaN, Double.NaN, Double.NaN, note));
                continue;
            }
            Effect ratio = MedianRatioInterval.of(pair.a() + " / " + pair.b(), left.samples(), right.samples(), LEVEL);
            rows.add(new EngineComparison.Row(pair.workload(), pair.a(), pair.b(), medianA, medianB, countA, countB,
                    ratio.estimate(), ratio.low(), ratio.high(), ""));
        }
        return new EngineComparison(side(a), side(b), mapping.engineA(), mapping.engineB(), LEVEL, rows, clock.instant());
    }

    /** Writes the four report files; returns the folder. */
    public Path write(EngineComparison comparison) {
        Path folder = folder(comparison.runA().runId(), comparison.runB().runId());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("index.html"), EngineComparisonReports.html(comparison), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("summary.md"), EngineComparisonReports.markdown(comparison), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("results.csv"), EngineComparisonReports.csv(comparison), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("results.json"), EngineComparisonReports.json(comparison), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    public Path folder(long runA, long runB) {
        return reportsDirectory.resolve("engines-" + runA + "-" + runB);
    }

    private static EngineComparison.RunSide side(Run run) {
        return new EngineComparison.RunSide(run.getId(), run.getExperiment(), run.getOrigin(), run.getMachine().describe(),
                run.getCreatedAt());
    }

    /** label → primary samples in ns/op, for every trial of the run. */
    private Map<String, Side> sides(Run run) {
        List<Trial> all = trials.findByRunIdOrderByOrdinal(run.getId());
        Map<Long, String> units = new HashMap<>();
        for (TrialMetric m : metrics.findByRun(run.getId())) {
            if (m.getMetric().equals(MetricMeasurement.PRIMARY)) {
                units.put(m.getTrialId(), m.getUnit());
            }
        }
        Map<Long, double[][]> samples = store.samples(all.stream().map(Trial::getId).toList(), MetricMeasurement.PRIMARY);
        Map<String, Side> sides = new HashMap<>();
        for (Trial t : all) {
            String unit = units.get(t.getId());
            Side side;
            if (t.getStatus() != TrialStatus.DONE || unit == null) {
                side = new Side(null, "trial " + t.getStatus().code() + (t.getFailure() == null ? "" : ": " + t.getFailure()));
            } else if (!TimePerOperation.isTime(unit)) {
                side = new Side(null, "measured in " + unit + ", not a time or throughput");
            } else {
                side = nanos(samples.getOrDefault(t.getId(), new double[0][]), unit);
            }
            sides.put(t.getBenchmark().label(), side);
        }
        return sides;
    }

    private static Side nanos(double[][] forks, String unit) {
        double[][] converted = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            converted[f] = Arrays.stream(forks[f]).map(v -> TimePerOperation.nanos(v, unit).orElse(Double.NaN))
                    .filter(Double::isFinite).toArray();
        }
        Samples samples = Samples.of(converted).withoutEmptyForks();
        return samples.size() == 0 ? new Side(null, "no finite samples") : new Side(samples, null);
    }

    private static double median(Samples samples) {
        double[] sorted = samples.pooled();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

}
