package org.worldbench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of benchmark metrics on one machine (one median per run, oldest first) and the change
 * points found in it. A run's median is the {@code p50} of its pooled samples, stored with its
 * metric, so a history of hundreds of runs is read without touching the sample table.
 */
@Component
public class BenchmarkHistory {

    /** Runs of history read for change-point detection: E-divisive costs O(R·n²). */
    public static final int MAX_RUNS = 100;

    private final JdbcTemplate jdbc;

    public BenchmarkHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One run's median of a benchmark metric. */
    public record Point(long runId, double median) {
    }

    /**
     * A step stored for a benchmark metric.
     *
     * @param runId           the first run at the new level
     * @param pValue          permutation p-value
     * @param medianBefore    median of the level before
     * @param medianAfter     median of the new level
     * @param detectedByRunId the run whose comparison found it
     * @param historyRuns     length of the series it was found in
     */
    public record StoredChangePoint(long runId, double pValue, double medianBefore, double medianAfter, long detectedByRunId,
            int historyRuns) {

        public double relativeChange() {
            return (medianAfter - medianBefore) / medianBefore;
        }
    }

    /**
     * The last {@link #MAX_RUNS} medians of {@code metric} in {@code unit} of each benchmark on a machine,
     * oldest first: completed runs up to {@code runId}, and run {@code runId} itself whatever its status
     * (it is being compared). Runs with a non-finite median are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Point>> series(long machineId, long runId, Collection<Long> benchmarkIds, String metric, String unit) {
        Map<Long, List<Point>> series = new HashMap<>();
        List<Long> ids = List.copyOf(benchmarkIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(machineId, metric, unit, TrialStatus.DONE.code(), runId,
                    RunStatus.COMPLETED.code(), runId));
            args.addAll(chunk);
            jdbc.query("SELECT t.benchmark_id, r.id, m.p50 FROM trial t JOIN run r ON r.id = t.run_id"
                    + " JOIN trial_metric m ON m.trial_id = t.id"
                    + " WHERE r.machine_id = ? AND m.metric = ? AND m.unit = ? AND t.status = ? AND r.id <= ?"
                    + " AND (r.status = ? OR r.id = ?) AND m.p50 IS NOT NULL AND t.benchmark_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY t.benchmark_id, r.id",
                    rs -> {
                        addPoint(series, rs.getLong(1), rs.getLong(2), rs.getDouble(3));
                    }, args.toArray());
        }
        return capped(series);
    }

    /**
     * As {@link #series}, for every benchmark that has a trial in run {@code runId}, in one query: the
     * benchmarks are chosen by a sub-query on the run's own trials. Asking by benchmark ids, 500 at a time, made the
     * database filter every trial of each history run against each list of ids, a cost that grew with
     * the square of the run's size (an import of 10,000 results spent 14 s there).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Point>> seriesOfRun(long machineId, long runId, String metric, String unit) {
        Map<Long, List<Point>> series = new HashMap<>();
        jdbc.query(SERIES_OF_RUN, rs -> {
            addPoint(series, rs.getLong(1), rs.getLong(2), rs.getDouble(3));
        }, seriesOfRunArguments(machineId, runId, metric, unit));
        return capped(series);
    }

    /** {@link #seriesOfRun}'s query (a test counts the rows its plan reads). */
    static final String SERIES_OF_RUN = "SELECT t.benchmark_id, r.id, m.p50 FROM trial t JOIN run r ON r.id = t.run_id"
            + " JOIN trial_metric m ON m.trial_id = t.id"
            + " WHERE r.machine_id = ? AND m.metric = ? AND m.unit = ? AND t.status = ? AND r.id <= ?"
            + " AND (r.status = ? OR r.id = ?) AND m.p50 IS NOT NULL"
            + " AND t.benchmark_id IN (SELECT own.benchmark_id FROM trial own WHERE own.run_id = ?)"
            + " ORDER BY t.benchmark_id, r.id";

    static Object[] seriesOfRunArguments(long machineId, long runId, String metric, String unit) {
        return new Object[] {machineId, metric, unit, TrialStatus.DONE.code(), runId, RunStatus.COMPLETED.code(), runId, runId};
    }

    private static void addPoint(Map<Long, List<Point>> series, long benchmarkId, long runId, double median) {
        if (Double.isFinite(median)) {
            series.computeIfAbsent(benchmarkId, k -> new ArrayList<>()).add(new Point(runId, median));
        }
    }

    /** The last {@link #MAX_RUNS} points of each series. */
    private static Map<Long, List<Point>> capped(Map<Long, List<Point>> series) {
        series.replaceAll((id, points) -> points.size() > MAX_RUNS
                ? List.copyOf(points.subList(points.size() - MAX_RUNS, points.size())) : points);
        return series;
    }

    /** The units a benchmark metric was measured in on a machine (one, unless specs changed its mode or time unit). */
    @Transactional(readOnly = true)
    public List<String> units(long machineId, long benchmarkId, String metric) {
        return jdbc.queryForList("SELECT DISTINCT m.unit FROM trial t JOIN run r ON r.id = t.run_id JOIN trial_metric m"
                + " ON m.trial_id = t.id WHERE r.machine_id = ? AND t.benchmark_id = ? AND m.metric = ? ORDER BY m.unit",
                String.class, machineId, benchmarkId, metric);
    }

    /** Replaces the change points stored for one benchmark metric on a machine with those just found. */
    @Transactional
    public void replaceChangePoints(long machineId, long benchmarkId, String metric, String unit,
            List<StoredChangePoint> points) {
        jdbc.update("DELETE FROM change_point WHERE machine_id = ? AND benchmark_id = ? AND metric = ?",
                machineId, benchmarkId, metric);
        for (StoredChangePoint p : points) {
            jdbc.update("INSERT INTO change_point (machine_id, benchmark_id, metric, unit, run_id, p_value, median_before,"
                    + " median_after, detected_by_run_id, history_runs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    machineId, benchmarkId, metric, unit, p.runId(), p.pValue(), p.medianBefore(), p.medianAfter(),
                    p.detectedByRunId(), p.historyRuns());
        }
    }

    /**
     * The stored change points of many benchmarks on a machine, oldest first, by
     * {@link #changePointKey(long, String) benchmark and metric}: one query per 500 benchmarks, where a
     * report of 100,000 benchmark metrics would otherwise ask 100,000 times.
     */
    @Transactional(readOnly = true)
    public Map<String, List<StoredChangePoint>> changePoints(long machineId, Collection<Long> benchmarkIds) {
        Map<String, List<StoredChangePoint>> points = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(benchmarkIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new ArrayList<>(List.of(machineId));
            args.addAll(chunk);
            jdbc.query("SELECT benchmark_id, metric, run_id, p_value, median_before, median_after, detected_by_run_id,"
                    + " history_runs FROM change_point WHERE machine_id = ? AND benchmark_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY benchmark_id, metric, run_id",
                    rs -> {
                        points.computeIfAbsent(changePointKey(rs.getLong(1), rs.getString(2)), k -> new ArrayList<>())
                                .add(new StoredChangePoint(rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                        rs.getLong(7), rs.getInt(8)));
                    }, args.toArray());
        }
        return points;
    }

    /** The key of {@link #changePoints(long, Collection)}'s map. */
    public static String changePointKey(long benchmarkId, String metric) {
        return benchmarkId + "/" + metric;
    }

    /** The stored change points of one benchmark metric on a machine, oldest first. */
    @Transactional(readOnly = true)
    public List<StoredChangePoint> changePoints(long machineId, long benchmarkId, String metric) {
        return jdbc.query("SELECT run_id, p_value, median_before, median_after, detected_by_run_id, history_runs"
                + " FROM change_point WHERE machine_id = ? AND benchmark_id = ? AND metric = ? ORDER BY run_id",
                (rs, i) -> new StoredChangePoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getLong(5), rs.getInt(6)), machineId, benchmarkId, metric);
    }
}
