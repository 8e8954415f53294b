package org.worldbench.report.engines;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.analysis.Effect;
import org.worldbench.analysis.Medians;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.ThreadScaling;
import org.worldbench.report.engines.RunTimes.PairedSamples;
import org.worldbench.report.engines.RunTimes.TimeSamples;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;

/**
 * {@code worldbench scaling RUN}: throughput with T threads over throughput with 1 thread, for every
 * benchmark of a run with a {@code threads} parameter ({@link ThreadScaling}), in one of two designs:
 * <ul>
 * <li><b>paired</b>: a trial that stored {@link #ONE_THREAD_METRIC} and {@link #ALL_THREADS_METRIC}
 *     (the {@code *Paired} benchmarks) measured both thread counts alternately in each of its
 *     iterations; its scaling is {@link ThreadScaling#paired}, from that trial alone;</li>
 * <li><b>two trials</b>: otherwise the trial with T threads is compared with the trial that differs
 *     from it only in {@code threads} = 1 ({@link ThreadScaling#of}); measured in one interleaved run,
 *     their forks alternate over the whole run, so drift of the machine reaches both sides alike, but
 *     what differs between JVMs lands in the ratio.</li>
 * </ul>
 */
@Service
public class ThreadScalingService {

    /** The parameter that gives the number of threads. */
    public static final String THREADS = "threads";
    /** Per-iteration metric of a paired benchmark: mean time of its one-thread operations, ms. */
    public static final String ONE_THREAD_METRIC = "oneThreadMs";
    /** Per-iteration metric of a paired benchmark: mean time of its T-thread operations in the same iteration, ms. */
    public static final String ALL_THREADS_METRIC = "allThreadsMs";
    /** Confidence level of the intervals. */
    public static final double LEVEL = 0.95;

    private static final double NANOS_PER_MILLI = 1e6;

    private final RunRepository runs;
    private final RunTimes times;
    private final Clock clock;

    public ThreadScalingService(RunRepository runs, RunTimes times, Clock clock) {
        this.runs = runs;
        this.times = times;
        this.clock = clock;
    }

    /**
     * @param target the scaling asked for, or NaN for none
     * @throws IllegalArgumentException if there is no such run
     */
    @Transactional(readOnly = true)
    public ThreadScalingTable table(long runId, double target) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        RunTimes.ScalingTimes stored = times.scalingTimes(run, ONE_THREAD_METRIC, ALL_THREADS_METRIC);
        Map<String, PairedSamples> paired = stored.pairedByLabel();
        List<ThreadScalingTable.Row> rows = new ArrayList<>();
        // two-trial design: benchmark without threads → (threads → samples)
        Map<String, Map<Integer, TimeSamples>> groups = new TreeMap<>();
        stored.byLabel().forEach((label, samples) -> {
            Label parsed = Label.parse(label);
            String threads = parsed.params().remove(THREADS);
            if (threads == null || !threads.matches("[1-9][0-9]{0,5}")) {
                return;
            }
            int count = Integer.parseInt(threads);
            if (paired.containsKey(label)) {
                if (count != 1) { // threads=1 paired is the pairing's A/A check, not a scaling
                    rows.add(pairedRow(parsed.toString(), count, paired.get(label), target));
                }
            } else {
                groups.computeIfAbsent(parsed.toString(), k -> new TreeMap<>()).put(count, samples);
            }
        });
        groups.forEach((benchmark, byThreads) -> {
            TimeSamples one = byThreads.getOrDefault(1, new TimeSamples(null, "no trial with threads=1 in run " + runId));
            byThreads.forEach((threads, many) -> {
                if (threads != 1) {
                    rows.add(row(benchmark, threads, one, many, target));
                }
            });
        });
        rows.sort(Comparator.comparing(ThreadScalingTable.Row::benchmark).thenComparingInt(ThreadScalingTable.Row::threads));
        return new ThreadScalingTable(run.getId(), run.getExperiment(), run.getMachine().describe(), LEVEL, target, rows,
                clock.instant());
    }

    private static ThreadScalingTable.Row row(String benchmark, int threads, TimeSamples one, TimeSamples many, double target) {
        double medianOne = median(one.samples());
        double medianMany = median(many.samples());
        int forksOne = one.samples() == null ? 0 : one.samples().forkCount();
        int forksMany = many.samples() == null ? 0 : many.samples().forkCount();
        if (one.problem() != null || many.problem() != null) {
            String note = one.problem() != null ? "threads=1: " + one.problem() : "threads=" + threads + ": " + many.problem();
            return new ThreadScalingTable.Row(benchmark, threads, false, medianOne, medianMany, forksOne, forksMany, Double.NaN,
                    Double.NaN, Double.NaN, null, note);
        }
        Effect scaling = ThreadScaling.of(benchmark + " threads=" + threads, one.samples(), many.samples(), threads, LEVEL);
        return new ThreadScalingTable.Row(benchmark, threads, false, medianOne, medianMany, forksOne, forksMany, scaling.estimate(),
                scaling.low(), scaling.high(), Double.isNaN(target) ? null : ThreadScaling.against(scaling, target), "");
    }

    /** A paired trial's row: its medians converted from ms to ns like every other time of the table. */
    private static ThreadScalingTable.Row pairedRow(String benchmark, int threads, PairedSamples samples, double target) {
        double medianOne = NANOS_PER_MILLI * median(samples.oneThread());
        double medianMany = NANOS_PER_MILLI * median(samples.allThreads());
        int forks = samples.oneThread().nonEmptyForkCount();
        Effect scaling;
        try {
            scaling = ThreadScaling.paired(benchmark + " threads=" + threads, samples.oneThread(), samples.allThreads(), threads,
                    LEVEL);
        } catch (IllegalArgumentException e) {
            return new ThreadScalingTable.Row(benchmark, threads, true, medianOne, medianMany, forks, forks, Double.NaN, Double.NaN,
                    Double.NaN, null, e.getMessage());
        }
        return new ThreadScalingTable.Row(benchmark, threads, true, medianOne, medianMany, forks, forks, scaling.estimate(),
                scaling.low(), scaling.high(), Double.isNaN(target) ? null : ThreadScaling.against(scaling, target), "");
    }

    private static double median(Samples samples) {
        return samples == null || samples.size() == 0 ? Double.NaN : Medians.of(samples.pooled());
    }

    /**
     * A stored benchmark label, {@code name{k=v,...}} with parameters sorted by name (the benchmark's
     * canonical key; parameter values never contain commas or braces here).
     */
    record Label(String name, Map<String, String> params) {

        static Label parse(String label) {
            int brace = label.indexOf('{');
            if (brace < 0) {
                return new Label(label, new LinkedHashMap<>());
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : label.substring(brace + 1, label.length() - 1).split(",")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
            return new Label(label.substring(0, brace), params);
        }

        @Override
        public String toString() {
            if (params.isEmpty()) {
                return name;
            }
            StringJoiner key = new StringJoiner(",", name + "{", "}");
            params.forEach((k, v) -> key.add(k + "=" + v));
            return key.toString();
        }
    }
}
