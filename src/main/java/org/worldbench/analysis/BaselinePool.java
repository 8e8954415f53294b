package org.worldbench.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rolling baseline: the pooled samples of the last {@code k} runs. Every fork of every pooled run
 * stays a fork of its own (they were separate JVMs), so the hierarchical bootstrap sees run-to-run
 * spread as fork-to-fork spread. Pure functions: runs are given oldest first, nothing is stored.
 */
public final class BaselinePool {

    private BaselinePool() {
    }

    /** The forks of the last {@code k} runs of one benchmark metric, oldest first; fewer runs pool what there is. */
    public static Samples pool(List<Samples> runsOldestFirst, int k) {
        Objects.requireNonNull(runsOldestFirst, "runsOldestFirst");
        if (k < 1) {
            throw new IllegalArgumentException("k (runs to pool) must be at least 1, was " + k);
        }
        Samples pooled = Samples.empty();
        for (Samples run : runsOldestFirst.subList(Math.max(0, runsOldestFirst.size() - k), runsOldestFirst.size())) {
            pooled = pooled.concat(Objects.requireNonNull(run, "a run in runsOldestFirst is null"));
        }
        return pooled;
    }

    /**
     * The same for every benchmark metric of whole runs: the key set is the union over the last
     * {@code k} runs (a benchmark missing from a run contributes nothing from that run).
     */
    public static <K> Map<K, Samples> poolAll(List<Map<K, Samples>> runsOldestFirst, int k) {
        Objects.requireNonNull(runsOldestFirst, "runsOldestFirst");
        if (k < 1) {
            throw new IllegalArgumentException("k (runs to pool) must be at least 1, was " + k);
        }
        Map<K, Samples> pooled = new LinkedHashMap<>();
        for (Map<K, Samples> run : runsOldestFirst.subList(Math.max(0, runsOldestFirst.size() - k), runsOldestFirst.size())) {
            run.forEach((key, samples) -> pooled.merge(key, samples, Samples::concat));
        }
        return pooled;
    }
}
