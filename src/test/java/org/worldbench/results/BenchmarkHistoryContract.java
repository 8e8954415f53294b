package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.results.BenchmarkHistory.Point;
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;

/**
 * The compare step's history query ({@link BenchmarkHistory#seriesOfRun}) on a real database: which
 * medians make a benchmark's history, for every benchmark of a run at once.
 */
@SpringBootTest
abstract class BenchmarkHistoryContract {

    static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");

    @Autowired BenchmarkHistory history;
    @Autowired RunStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_runs_series_holds_the_medians_of_completed_runs_on_its_machine_up_to_the_run_oldest_first() {
        long machine = newMachine();
        long first = newRun(machine, RunStatus.COMPLETED);
        store(first, trial(1, "alpha", 10), trial(2, "beta", 20), trial(3, "gamma", 30));
        long failed = newRun(machine, RunStatus.FAILED);
        store(failed, trial(1, "alpha", 99));
        long elsewhere = newRun(newMachine(), RunStatus.COMPLETED);
        store(elsewhere, trial(1, "alpha", 98));
        long second = newRun(machine, RunStatus.COMPLETED);
        store(second, trial(1, "alpha", 11), trial(2, "beta", "us/op", 0.021), failedTrial(3, "gamma"));
        long judged = newRun(machine, RunStatus.RUNNING);
        store(judged, trial(1, "alpha", 12), trial(2, "beta", 21), trial(3, "gamma", Double.NaN));
        long later = newRun(machine, RunStatus.COMPLETED);
        store(later, trial(1, "alpha", 13), trial(2, "beta", 22));

        Map<Long, List<Point>> series = history.seriesOfRun(machine, judged, MetricMeasurement.PRIMARY, "ns/op");

        assertThat(series).containsOnlyKeys(benchmarkId("alpha"), benchmarkId("beta"), benchmarkId("gamma"));
        assertThat(series.get(benchmarkId("alpha"))).as("failed run, other machine and later run left out")
                .containsExactly(new Point(first, 10), new Point(second, 11), new Point(judged, 12));
        assertThat(series.get(benchmarkId("beta"))).as("another unit is another series")
                .containsExactly(new Point(first, 20), new Point(judged, 21));
        assertThat(series.get(benchmarkId("gamma"))).as("a failed trial and a missing median add no point")
                .containsExactly(new Point(first, 30));
        assertThat(history.seriesOfRun(machine, first, MetricMeasurement.PRIMARY, "ns/op")).as("the first run's own")
                .containsEntry(benchmarkId("alpha"), List.of(new Point(first, 10)));
    }

    long newMachine() {
        jdbc.update("INSERT INTO machine (fingerprint, cpu_model, cores, memory_mib, os_name, os_version, os_arch, jvm_vendor,"
                + " jvm_version, first_seen) VALUES (?, 'cpu', 2, 1024, 'os', '1', 'x', 'vendor', '25', CURRENT_TIMESTAMP)",
                "history-" + System.nanoTime());
        return jdbc.queryForObject("SELECT MAX(id) FROM machine", Long.class);
    }

    long newRun(long machine, RunStatus status) {
        jdbc.update("INSERT INTO run (experiment, description, spec_snapshot, status, created_at, machine_id, origin)"
                + " VALUES ('history', '', 'name: history', ?, CURRENT_TIMESTAMP, ?, 'imported-jmh')", status.code(), machine);
        return jdbc.queryForObject("SELECT MAX(id) FROM run", Long.class);
    }

    void store(long runId, FinishedTrial... trials) {
        store(runId, Arrays.asList(trials));
    }

    void store(long runId, List<FinishedTrial> trials) {
        transactions.executeWithoutResult(tx -> store.saveFinishedTrials(runId, new ArrayList<>(trials)));
    }

    long benchmarkId(String name) {
        return jdbc.queryForObject("SELECT id FROM benchmark WHERE name = ?", Long.class, name);
    }

    static FinishedTrial trial(int ordinal, String name, double median) {
        return trial(ordinal, name, "ns/op", median);
    }

    /** A trial whose primary metric has one sample, its median (1 when the median is NaN: not stored). */
    static FinishedTrial trial(int ordinal, String name, String unit, double median) {
        double[] percentiles = new double[MetricMeasurement.PERCENTILE_LEVELS.length];
        Arrays.fill(percentiles, median);
        MetricMeasurement primary = new MetricMeasurement(MetricMeasurement.PRIMARY, unit, median, Double.NaN, percentiles,
                new double[][] {{Double.isNaN(median) ? 1 : median}});
        return new FinishedTrial(planned(ordinal, name), new TrialMeasurement("avgt", 1, AT, AT, List.of(primary)), null, AT);
    }

    static FinishedTrial failedTrial(int ordinal, String name) {
        return new FinishedTrial(planned(ordinal, name), null, "failed", AT);
    }

    private static PlannedTrial planned(int ordinal, String name) {
        return new PlannedTrial(ordinal, name, "org.example.HistoryBench", new LinkedHashMap<>());
    }
}
