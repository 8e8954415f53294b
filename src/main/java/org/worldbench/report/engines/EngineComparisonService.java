package org.worldbench.report.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.analysis.Effect;
import org.worldbench.analysis.MedianRatioInterval;
import org.worldbench.analysis.Samples;
import org.worldbench.report.engines.RunTimes.TimeSamples;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;

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
    private final RunTimes times;
    private final Path reportsDirectory;
    private final Clock clock;

    public EngineComparisonService(RunRepository runs, RunTimes times,
            @Value("${worldbench.reports-dir:./reports}") Path reportsDirectory, Clock clock) {
        this.runs = runs;
        this.times = times;
        this.reportsDirectory = reportsDirectory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EngineComparison compare(long runA, long runB, EngineMapping mapping) {
        Run a = runs.findById(runA).orElseThrow(() -> new IllegalArgumentException("no run with id " + runA));
        Run b = runs.findById(runB).orElseThrow(() -> new IllegalArgumentException("no run with id " + runB));
        Map<String, TimeSamples> sidesA = times.byLabel(a);
        Map<String, TimeSamples> sidesB = times.byLabel(b);
        List<EngineComparison.Row> rows = new ArrayList<>();
        for (EngineMapping.Pair pair : mapping.pairs()) {
            TimeSamples left = sidesA.getOrDefault(pair.a(), new TimeSamples(null, "not in run " + runA));
            TimeSamples right = sidesB.getOrDefault(pair.b(), new TimeSamples(null, "not in run " + runB));
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

    private static double median(Samples samples) {
        double[] sorted = samples.pooled();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

}
