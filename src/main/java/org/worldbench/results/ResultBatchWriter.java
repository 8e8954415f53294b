package org.worldbench.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * The write path of a run in plain JDBC batches: planned trials, then measured trials with their
 * metrics and every raw sample. Works on the caller's connection and transaction, so
 * {@link RunStore} uses it inside Spring transactions and the persistence benchmark
 * ({@code persistRun}) measures exactly this code without Spring.
 *
 * <p>Why not JPA here: a run holds tens of thousands of samples, and Hibernate cannot batch inserts
 * into identity-keyed tables. Metrics and samples are keyed by {@code (trial_id, metric, ...)}, so a
 * whole run is written with plain batches and no generated keys to read back.
 */
public final class ResultBatchWriter {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough for driver buffers. */
    static final int BATCH = 1000;
    private static final String KEY_SEPARATOR = "\u0000";

    private ResultBatchWriter() {
    }

    /**
     * Stores the planned trials of a run as pending, creating benchmark rows the first time a
     * name and parameter key are seen.
     *
     * @return trial id by ordinal
     */
    public static Map<Integer, Long> planTrials(Connection connection, long runId, List<PlannedTrial> trials) throws SQLException {
        Map<String, Long> benchmarkIds = benchmarkIds(connection, trials);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trial (run_id, benchmark_id, ordinal, status) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (PlannedTrial t : trials) {
                insert.setLong(1, runId);
                insert.setLong(2, benchmarkIds.get(benchmarkKey(t)));
                insert.setInt(3, t.ordinal());
                insert.setString(4, TrialStatus.PENDING.code());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        Map<Integer, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT ordinal, id FROM trial WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    /** Marks the trials done and stores their metrics and samples. */
    public static void saveMeasurements(Connection connection, Map<Long, TrialMeasurement> measurements) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE trial SET status = ?, mode = ?, forks = ?,"
                + " started_at = ?, finished_at = ?, failure = NULL WHERE id = ?");
                PreparedStatement metric = connection.prepareStatement("INSERT INTO trial_metric (trial_id, metric, unit, score,"
                        + " score_error, p0, p50, p90, p95, p99, p100, sample_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement sample = connection.prepareStatement(
                        "INSERT INTO sample (trial_id, metric, fork, iteration, sample_value) VALUES (?, ?, ?, ?, ?)")) {
            Batch updates = new Batch(update);
            Batch metrics = new Batch(metric);
            Batch samples = new Batch(sample);
            for (Map.Entry<Long, TrialMeasurement> e : measurements.entrySet()) {
                long trialId = e.getKey();
                TrialMeasurement m = e.getValue();
                update.setString(1, TrialStatus.DONE.code());
                update.setString(2, m.mode());
                update.setInt(3, m.forks());
                update.setObject(4, utc(m.started()));
                update.setObject(5, utc(m.finished()));
                update.setLong(6, trialId);
                updates.add();
                for (MetricMeasurement mm : m.metrics()) {
                    metric.setLong(1, trialId);
                    metric.setString(2, mm.name());
                    metric.setString(3, mm.unit());
                    setDouble(metric, 4, mm.score());
                    setDouble(metric, 5, mm.scoreError());
                    for (int i = 0; i < 6; i++) {
                        setDouble(metric, 6 + i, mm.percentiles()[i]);
                    }
                    metric.setInt(12, mm.sampleCount());
                    metrics.add();
                }
            }
            updates.flush();
            metrics.flush(); // before the samples that reference them
            for (Map.Entry<Long, TrialMeasurement> e : measurements.entrySet()) {
                for (MetricMeasurement mm : e.getValue().metrics()) {
                    for (int fork = 0; fork < mm.samples().length; fork++) {
                        for (int iteration = 0; iteration < mm.samples()[fork].length; iteration++) {
                            sample.setLong(1, e.getKey());
                            sample.setString(2, mm.name());
                            sample.setInt(3, fork);
                            sample.setInt(4, iteration);
                            sample.setDouble(5, mm.samples()[fork][iteration]);
                            samples.add();
                        }
                    }
                }
            }
            samples.flush();
        }
    }

    /** The key of {@link #benchmarkIds}' map for a trial's benchmark. */
    static String benchmarkKey(PlannedTrial trial) {
        return trial.benchmark() + KEY_SEPARATOR + trial.parametersKey();
    }

    /** Benchmark id by {@link #benchmarkKey}, inserting the benchmarks not stored yet. */
    static Map<String, Long> benchmarkIds(Connection connection, List<PlannedTrial> trials) throws SQLException {
        Map<String, PlannedTrial> wanted = new LinkedHashMap<>();
        trials.forEach(t -> wanted.putIfAbsent(benchmarkKey(t), t));
        Map<String, Long> ids = existingBenchmarks(connection, wanted.values().stream().map(PlannedTrial::benchmark).toList());
        if (!ids.keySet().containsAll(wanted.keySet())) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO benchmark (name, params_key, class_name) VALUES (?, ?, ?)")) {
                Batch batch = new Batch(insert);
                for (Map.Entry<String, PlannedTrial> e : wanted.entrySet()) {
                    if (!ids.containsKey(e.getKey())) {
                        insert.setString(1, e.getValue().benchmark());
                        insert.setString(2, e.getValue().parametersKey());
                        insert.setString(3, e.getValue().className());
                        batch.add();
                    }
                }
                batch.flush();
            }
            ids.putAll(existingBenchmarks(connection, wanted.values().stream().map(PlannedTrial::benchmark).toList()));
        }
        return ids;
    }

    private static Map<String, Long> existingBenchmarks(Connection connection, Collection<String> names) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, params_key FROM benchmark WHERE name IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2) + KEY_SEPARATOR + rs.getString(3), rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE); // an aggregate that does not exist (e.g. the error of one sample)
        } else {
            ps.setDouble(index, value);
        }
    }

    /** A prepared statement's batch, executed every {@link #BATCH} rows and at the end. */
    private static final class Batch {
        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
