package org.worldbench.report.engines;

import java.time.Clock;
import java.util.ArrayList;
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
import org.worldbench.report.engines.RunTimes.TimeSamples;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;

/**
 * {@code worldbench scaling RUN}: throughput with T threads over throughput with 1 thread, for every
 * benchmark of a run with a {@code threads} parameter ({@link ThreadScaling}). The trials with T
 * threads and with 1 thread must differ only in {@code threads}; measured in one interleaved run, their
 * forks alternate over the whole run, so drift of the machine reaches both sides alike.
 */
@Service
public class ThreadScalingService {

    /** The parameter that gives the number of threads. */
    public static final String THREADS = "threads";
    /** Confidence level of the intervals. */
    public static final double LEVEL = 0.95;

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
        // benchmark without threads → (threads → samples), both sorted for a stable table
        Map<String, Map<Integer, TimeSamples>> groups = new TreeMap<>();
        times.byLabel(run).forEach((label, samples) -> {
            Label parsed = Label.parse(label);
            String threads = parsed.params().remove(THREADS);
            if (threads != null && threads.matches("[1-9][0-9]{0,5}")) {
                groups.computeIfAbsent(parsed.toString(), k -> new TreeMap<>()).put(Integer.parseInt(threads), samples);
            }
        });
        List<ThreadScalingTable.Row> rows = new ArrayList<>();
        groups.forEach((benchmark, byThreads) -> {
            TimeSamples one = byThreads.getOrDefault(1, new TimeSamples(null, "no trial with threads=1 in run " + runId));
            byThreads.forEach((threads, many) -> {
                if (threads != 1) {
                    rows.add(row(benchmark, threads, one, many, target));
                }
            });
        });
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
            return new ThreadScalingTable.Row(benchmark, threads, medianOne, medianMany, forksOne, forksMany, Double.NaN,
                    Double.NaN, Double.NaN, null, note);
        }
        Effect scaling = ThreadScaling.of(benchmark + " threads=" + threads, one.samples(), many.samples(), threads, LEVEL);
        return new ThreadScalingTable.Row(benchmark, threads, medianOne, medianMany, forksOne, forksMany, scaling.estimate(),
                scaling.low(), scaling.high(), Double.isNaN(target) ? null : ThreadScaling.against(scaling, target), "");
    }

    private static double median(Samples samples) {
        return samples == null ? Double.NaN : Medians.of(samples.pooled());
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
