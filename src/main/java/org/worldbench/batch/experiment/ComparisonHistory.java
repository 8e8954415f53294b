package org.worldbench.batch.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.worldbench.analysis.changepoint.ChangePoint;
import org.worldbench.analysis.changepoint.EDivisive;
import org.worldbench.analysis.changepoint.HistoryCheck;
import org.worldbench.results.BenchmarkHistory;
import org.worldbench.results.BenchmarkHistory.Point;
import org.worldbench.results.BenchmarkHistory.StoredChangePoint;
import org.worldbench.results.Comparison;
import org.worldbench.results.Run;

/**
 * Attaches a benchmark's history to each comparison of a run: E-divisive change points over the
 * per-run medians of the same benchmark, parameters, metric and unit on the same machine (the run
 * being compared last), stored in {@code change_point}; and the {@link HistoryCheck} of the run,
 * stored as the comparison's history status and added to its reason, so that a REGRESSED verdict
 * that starts a new level reads differently from one that is an outlier run.
 */
@Component
public class ComparisonHistory {

    private final BenchmarkHistory history;
    private final EDivisive.Settings settings;

    public ComparisonHistory(BenchmarkHistory history) {
        this.history = history;
        this.settings = EDivisive.Settings.defaults();
    }

    /** Assesses every comparison of {@code run} in place and stores the change points found. */
    void attach(Run run, List<Comparison> comparisons) {
        long machineId = run.getMachine().getId();
        Map<String, List<Comparison>> byMetricAndUnit = comparisons.stream()
                .collect(Collectors.groupingBy(c -> c.getMetric() + "\u0000" + c.getUnit()));
        for (List<Comparison> group : byMetricAndUnit.values()) {
            Comparison first = group.getFirst();
            Map<Long, List<Point>> series = history.seriesOfRun(machineId, run.getId(), first.getMetric(), first.getUnit());
            for (Comparison c : group) {
                List<Point> points = series.getOrDefault(c.getBenchmark().getId(), List.of());
                if (points.isEmpty() || points.getLast().runId() != run.getId()) {
                    c.setHistory(null, null); // this run has no finite median: nothing to place in the history
                    continue;
                }
                double[] medians = points.stream().mapToDouble(Point::median).toArray();
                HistoryCheck.Assessment assessment = HistoryCheck.assessLatest(medians, settings);
                List<StoredChangePoint> found = new ArrayList<>();
                for (ChangePoint p : assessment.all()) {
                    found.add(new StoredChangePoint(points.get(p.index()).runId(), p.pValue(), p.medianBefore(),
                            p.medianAfter(), run.getId(), points.size()));
                }
                if (assessment.status() != HistoryCheck.Status.TOO_SHORT) {
                    history.replaceChangePoints(machineId, c.getBenchmark().getId(), c.getMetric(), c.getUnit(), found);
                }
                c.setHistory(code(assessment.status()), note(assessment, points));
            }
        }
    }

    static String code(HistoryCheck.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The assessment as one clause for a reason, naming runs by id rather than by position. */
    private static String note(HistoryCheck.Assessment a, List<Point> points) {
        return switch (a.status()) {
            case TOO_SHORT -> null; // every young benchmark would say it; the status column keeps it
            case NEW_STEP -> {
                ChangePoint step = a.step().orElseThrow();
                yield String.format(Locale.ROOT, "a new step of %+.1f%% starting at run %d (change point, permutation p = %.3f):"
                        + " a persistent change, not noise", 100 * step.relativeChange(), points.get(step.index()).runId(),
                        step.pValue());
            }
            case UNCONFIRMED_DEVIATION -> a.reason() + "; it may still be noise";
            case STEADY -> a.reason() + (a.all().isEmpty() ? "" : "; last step at run "
                    + points.get(a.all().getLast().index()).runId());
        };
    }
}
