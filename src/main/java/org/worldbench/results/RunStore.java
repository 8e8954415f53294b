package org.worldbench.results;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * Writes trials, metrics and raw samples with JDBC batch inserts, and reads samples back.
 *
 * <p>Why not JPA here: a run holds tens of thousands of samples, and Hibernate cannot batch inserts
 * into identity-keyed tables. The sample and metric tables are keyed by {@code (trial_id, metric, ...)}
 * so a whole run can be written with plain batches and no generated keys to read back. Every method
 * joins the caller's transaction (or opens one), so a trial and all its samples commit together.
 */
@Component
public class RunStore {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough for driver buffers. */
    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the planned trials of a run as pending, creating benchmark rows the first time a key is seen. */
    @Transactional
    public void planTrials(long runId, List<PlannedTrial> trials) {
        Map<String, Long> benchmarkIds = benchmarkIds(trials);
        List<Object[]> rows = new ArrayList<>(trials.size());
        for (PlannedTrial t : trials) {
            rows.add(new Object[] {runId, benchmarkIds.get(t.benchmark() + "\u0000" + t.parametersKey()), t.ordinal(),
                TrialStatus.PENDING.code()});
        }
        jdbc.batchUpdate("INSERT INTO trial (run_id, benchmark_id, ordinal, status) VALUES (?, ?, ?, ?)", rows);
    }

    private Map<String, Long> benchmarkIds(List<PlannedTrial> trials) {
        Map<String, PlannedTrial> wanted = new LinkedHashMap<>();
        trials.forEach(t -> wanted.putIfAbsent(t.benchmark() + "\u0000" + t.parametersKey(), t));
        Map<String, Long> ids = existingBenchmarks(wanted.values().stream().map(PlannedTrial::benchmark).toList());
        List<Object[]> missing = new ArrayList<>();
        wanted.forEach((key, t) -> {
            if (!ids.containsKey(key)) {
                missing.add(new Object[] {t.benchmark(), t.parametersKey(), t.className()});
            }
        });
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO benchmark (name, params_key, class_name) VALUES (?, ?, ?)", missing);
            ids.putAll(existingBenchmarks(missing.stream().map(row -> (String) row[0]).toList()));
        }
        return ids;
    }

    private Map<String, Long> existingBenchmarks(Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, name, params_key FROM benchmark WHERE name IN (" + in + ")",
                    rs -> {
                        ids.put(rs.getString(2) + "\u0000" + rs.getString(3), rs.getLong(1));
                    }, chunk.toArray());
        }
        return ids;
    }

    /** Stores one finished trial with all its metrics and samples, and marks it done. */
    @Transactional
    public void saveMeasurement(long trialId, TrialMeasurement measurement) {
        saveMeasurements(Map.of(trialId, measurement));
    }

    /** Stores many finished trials in the caller's transaction (imports, the persistence benchmark). */
    @Transactional
    public void saveMeasurements(Map<Long, TrialMeasurement> measurements) {
        List<Map.Entry<Long, TrialMeasurement>> trials = List.copyOf(measurements.entrySet());
        jdbc.batchUpdate("UPDATE trial SET status = ?, mode = ?, forks = ?, started_at = ?, finished_at = ?, failure = NULL"
                + " WHERE id = ?", trials, BATCH, (ps, e) -> {
                    ps.setString(1, TrialStatus.DONE.code());
                    ps.setString(2, e.getValue().mode());
                    ps.setInt(3, e.getValue().forks());
                    ps.setObject(4, utc(e.getValue().started()));
                    ps.setObject(5, utc(e.getValue().finished()));
                    ps.setLong(6, e.getKey());
                });
        List<Object[]> metrics = new ArrayList<>();
        List<SampleRow> samples = new ArrayList<>();
        for (Map.Entry<Long, TrialMeasurement> e : trials) {
            for (MetricMeasurement m : e.getValue().metrics()) {
                metrics.add(new Object[] {e.getKey(), m});
                for (int fork = 0; fork < m.samples().length; fork++) {
                    for (int iteration = 0; iteration < m.samples()[fork].length; iteration++) {
                        samples.add(new SampleRow(e.getKey(), m.name(), fork, iteration, m.samples()[fork][iteration]));
                    }
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO trial_metric (trial_id, metric, unit, score, score_error, p0, p50, p90, p95, p99, p100,"
                + " sample_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", metrics, BATCH, (ps, row) -> {
                    MetricMeasurement m = (MetricMeasurement) row[1];
                    ps.setLong(1, (Long) row[0]);
                    ps.setString(2, m.name());
                    ps.setString(3, m.unit());
                    setDouble(ps, 4, m.score());
                    setDouble(ps, 5, m.scoreError());
                    for (int i = 0; i < 6; i++) {
                        setDouble(ps, 6 + i, m.percentiles()[i]);
                    }
                    ps.setInt(12, m.sampleCount());
                });
        jdbc.batchUpdate("INSERT INTO sample (trial_id, metric, fork, iteration, sample_value) VALUES (?, ?, ?, ?, ?)",
                samples, BATCH, (ps, s) -> {
                    ps.setLong(1, s.trialId());
                    ps.setString(2, s.metric());
                    ps.setInt(3, s.fork());
                    ps.setInt(4, s.iteration());
                    ps.setDouble(5, s.value());
                });
    }

    /** Marks a trial failed with the reason; its samples, if any were stored, stay untouched. */
    @Transactional
    public void markFailed(long trialId, String failure, Instant started, Instant finished) {
        jdbc.update("UPDATE trial SET status = ?, failure = ?, started_at = ?, finished_at = ? WHERE id = ?",
                TrialStatus.FAILED.code(), failure.length() > 4000 ? failure.substring(0, 4000) : failure,
                utc(started), utc(finished), trialId);
    }

    /** Raw samples of one metric for the given trials: trial id → {@code [fork][iteration]}. */
    @Transactional(readOnly = true)
    public Map<Long, double[][]> samples(Collection<Long> trialIds, String metric) {
        Map<Long, List<List<Double>>> collected = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(trialIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = metric;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            jdbc.query("SELECT trial_id, fork, iteration, sample_value FROM sample WHERE metric = ? AND trial_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY trial_id, fork, iteration",
                    rs -> {
                        List<List<Double>> forks = collected.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                        int fork = rs.getInt(2);
                        while (forks.size() <= fork) {
                            forks.add(new ArrayList<>());
                        }
                        forks.get(fork).add(rs.getDouble(4));
                    }, args);
        }
        Map<Long, double[][]> result = new HashMap<>();
        collected.forEach((id, forks) -> result.put(id, forks.stream()
                .map(f -> f.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new)));
        return result;
    }

    /** Number of stored samples of a run (all metrics): what tests count to prove nothing was lost or doubled. */
    @Transactional(readOnly = true)
    public long sampleCount(long runId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sample s JOIN trial t ON t.id = s.trial_id WHERE t.run_id = ?",
                Long.class, runId);
        return count == null ? 0 : count;
    }

    /** Metric names stored for a run, sorted, {@code primary} first. */
    @Transactional(readOnly = true)
    public List<String> metricNames(long runId) {
        Set<String> names = new java.util.TreeSet<>(jdbc.queryForList(
                "SELECT DISTINCT m.metric FROM trial_metric m JOIN trial t ON t.id = m.trial_id WHERE t.run_id = ?",
                String.class, runId));
        List<String> ordered = new ArrayList<>();
        if (names.remove(MetricMeasurement.PRIMARY)) {
            ordered.add(MetricMeasurement.PRIMARY);
        }
        ordered.addAll(names);
        return ordered;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE); // an aggregate that does not exist (e.g. the error of one sample)
        } else {
            ps.setDouble(index, value);
        }
    }

    private record SampleRow(long trialId, String metric, int fork, int iteration, double value) {
    }
}
