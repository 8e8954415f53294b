package org.worldbench.report.engines;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.worldbench.analysis.Samples;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.results.Run;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/**
 * Every benchmark of a stored run as primary samples in nanoseconds per operation, grouped by fork,
 * whatever unit its tool wrote ({@link TimePerOperation}): the one scale on which ratios between
 * benchmarks are taken ({@code compare-engines}, {@code scaling}); and the two per-iteration times of
 * paired benchmarks ({@link #pairedByLabel}). Call inside a transaction.
 */
@Component
public class RunTimes {

    /**
     * A benchmark's samples in ns/op, or why there are none.
     *
     * @param samples finite samples grouped by fork (empty forks dropped); null when {@code problem} is set
     * @param problem why the benchmark has no samples to compare (failed trial, not a time, …); null otherwise
     */
    public record TimeSamples(Samples samples, String problem) {

        static TimeSamples missing(String problem) {
            return new TimeSamples(null, problem);
        }
    }

    /**
     * The two times a paired benchmark stores per iteration (one thread, T threads, measured
     * alternately in the same iterations), as stored: same fork and iteration structure, same unit.
     */
    public record PairedSamples(Samples oneThread, Samples allThreads) {
    }

    private final TrialRepository trials;
    private final TrialMetricRepository metrics;
    private final RunStore store;

    public RunTimes(TrialRepository trials, TrialMetricRepository metrics, RunStore store) {
        this.trials = trials;
        this.metrics = metrics;
        this.store = store;
    }

    /**
     * A run's times read for {@code worldbench scaling}: {@link #byLabel(Run)} and the
     * paired samples from one read of the run's trials and metric rows.
     */
    public record ScalingTimes(Map<String, TimeSamples> byLabel, Map<String, PairedSamples> pairedByLabel) {
    }

    public ScalingTimes scalingTimes(Run run, String oneThreadMetric, String allThreadsMetric) {
        List<Trial> all = trials.findByRunIdOrderByOrdinal(run.getId());
        List<TrialMetric> rows = metrics.findByRun(run.getId());
        return new ScalingTimes(byLabel(all, rows), pairedByLabel(all, rows, oneThreadMetric, allThreadsMetric));
    }

    /** Benchmark label ({@code parallelWorlds{allocation=HEAP,threads=2}}) → its primary samples in ns/op, for every trial of the run. */
    public Map<String, TimeSamples> byLabel(Run run) {
        return byLabel(trials.findByRunIdOrderByOrdinal(run.getId()), metrics.findByRun(run.getId()));
    }

    private Map<String, TimeSamples> byLabel(List<Trial> all, List<TrialMetric> rows) {
        Map<Long, String> units = new HashMap<>();
        for (TrialMetric m : rows) {
            if (m.getMetric().equals(MetricMeasurement.PRIMARY)) {
                units.put(m.getTrialId(), m.getUnit());
            }
        }
        Map<Long, double[][]> samples = store.samples(all.stream().map(Trial::getId).toList(), MetricMeasurement.PRIMARY);
        Map<String, TimeSamples> byLabel = new HashMap<>();
        for (Trial t : all) {
            String unit = units.get(t.getId());
            TimeSamples times;
            if (t.getStatus() != TrialStatus.DONE || unit == null) {
                times = TimeSamples.missing("trial " + t.getStatus().code() + (t.getFailure() == null ? "" : ": " + t.getFailure()));
            } else if (!TimePerOperation.isTime(unit)) {
                times = TimeSamples.missing("measured in " + unit + ", not a time or throughput");
            } else {
                times = nanos(samples.getOrDefault(t.getId(), new double[0][]), unit);
            }
            byLabel.put(t.getBenchmark().label(), times);
        }
        return byLabel;
    }

    /**
     * Benchmark label → its paired samples, for every completed trial of the run that stored both
     * {@code oneThreadMetric} and {@code allThreadsMetric}; other trials are not in the map.
     */
    private Map<String, PairedSamples> pairedByLabel(List<Trial> runTrials, List<TrialMetric> rows, String oneThreadMetric,
            String allThreadsMetric) {
        Map<Long, Trial> done = new HashMap<>();
        for (Trial t : runTrials) {
            if (t.getStatus() == TrialStatus.DONE) {
                done.put(t.getId(), t);
            }
        }
        Map<Long, Set<String>> stored = new HashMap<>();
        for (TrialMetric m : rows) {
            stored.computeIfAbsent(m.getTrialId(), k -> new HashSet<>()).add(m.getMetric());
        }
        List<Long> paired = done.keySet().stream()
                .filter(id -> stored.getOrDefault(id, Set.of()).containsAll(List.of(oneThreadMetric, allThreadsMetric)))
                .toList();
        Map<Long, double[][]> one = store.samples(paired, oneThreadMetric);
        Map<Long, double[][]> all = store.samples(paired, allThreadsMetric);
        Map<String, PairedSamples> byLabel = new HashMap<>();
        for (Long id : paired) {
            byLabel.put(done.get(id).getBenchmark().label(), new PairedSamples(Samples.of(one.getOrDefault(id, new double[0][])),
                    Samples.of(all.getOrDefault(id, new double[0][]))));
        }
        return byLabel;
    }

    private static TimeSamples nanos(double[][] forks, String unit) {
        double[][] converted = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            converted[f] = Arrays.stream(forks[f]).map(v -> TimePerOperation.nanos(v, unit).orElse(Double.NaN))
                    .filter(Double::isFinite).toArray();
        }
        Samples samples = Samples.of(converted).withoutEmptyForks();
        return samples.size() == 0 ? TimeSamples.missing("no finite samples") : new TimeSamples(samples, null);
    }
}
