package org.worldbench.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;

/**
 * The forks of a trial measured one round at a time (interleaved order): each fork is stored in
 * {@code trial_fork} / {@code trial_fork_sample} as soon as it ends, and when the trial has all its
 * forks they are merged into one {@link TrialMeasurement}, written by {@link ResultBatchWriter} like
 * a trial measured in one go, and deleted here. Works on the caller's connection and transaction
 * (see {@code db/migration/V6__interleaved_forks.sql}).
 *
 * <p>Only per-iteration samples are kept between rounds, so a metric JMH reports once per run without
 * iteration samples (a profiler's text output such as {@code stack}) is not stored in this order.
 */
final class TrialForkWriter {

    private TrialForkWriter() {
    }

    /** Stores one fork (a one-fork measurement) of a trial as its fork {@code fork} (from 0). */
    static void store(Connection connection, long trialId, int fork, TrialMeasurement measurement) throws SQLException {
        if (measurement.forks() != 1) {
            throw new IllegalArgumentException("one fork at a time, got a measurement of " + measurement.forks());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trial_fork (trial_id, fork, mode, started_at, finished_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, trialId);
            insert.setInt(2, fork);
            insert.setString(3, measurement.mode());
            insert.setObject(4, ResultBatchWriter.utc(measurement.started()));
            insert.setObject(5, ResultBatchWriter.utc(measurement.finished()));
            insert.executeUpdate();
        }
        try (RowSink rows = RowSink.open(connection, "trial_fork_sample",
                List.of("trial_id", "fork", "metric", "unit", "iteration", "sample_value"))) {
            for (MetricMeasurement metric : measurement.metrics()) {
                double[] samples = metric.samples()[0];
                for (int iteration = 0; iteration < samples.length; iteration++) {
                    rows.integer(trialId).integer(fork).text(metric.name()).text(metric.unit()).integer(iteration)
                            .number(samples[iteration]).endRow();
                }
            }
            rows.finish();
        }
    }

    /** Number of forks stored per trial of the run, for the trials that have any. */
    static Map<Long, Integer> storedForks(Connection connection, long runId) throws SQLException {
        Map<Long, Integer> stored = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.trial_id, COUNT(*) FROM trial_fork f"
                + " JOIN trial t ON t.id = f.trial_id WHERE t.run_id = ? GROUP BY f.trial_id")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return stored;
    }

    /**
     * The stored forks of a trial merged into one measurement: samples {@code [fork][iteration]} in
     * fork order, aggregates pooled ({@link MetricMeasurement#pooled}), the primary metric first and
     * the others by name; a fork that lacks a metric gives it no samples.
     */
    static TrialMeasurement merged(Connection connection, long trialId) throws SQLException {
        List<Integer> forks = new ArrayList<>();
        String mode = null;
        Instant started = null;
        Instant finished = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fork, mode, started_at, finished_at FROM trial_fork WHERE trial_id = ? ORDER BY fork")) {
            select.setLong(1, trialId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    forks.add(rs.getInt(1));
                    mode = rs.getString(2);
                    Instant forkStarted = rs.getObject(3, OffsetDateTime.class).toInstant();
                    Instant forkFinished = rs.getObject(4, OffsetDateTime.class).toInstant();
                    started = started == null || forkStarted.isBefore(started) ? forkStarted : started;
                    finished = finished == null || forkFinished.isAfter(finished) ? forkFinished : finished;
                }
            }
        }
        if (forks.isEmpty()) {
            throw new IllegalStateException("trial " + trialId + " has no stored forks");
        }
        Map<String, String> units = new TreeMap<>();
        Map<String, List<List<Double>>> samples = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT fork, metric, unit, sample_value FROM trial_fork_sample"
                + " WHERE trial_id = ? ORDER BY metric, fork, iteration")) {
            select.setLong(1, trialId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String metric = rs.getString(2);
                    units.putIfAbsent(metric, rs.getString(3));
                    List<List<Double>> byFork = samples.computeIfAbsent(metric, m -> {
                        List<List<Double>> empty = new ArrayList<>();
                        forks.forEach(f -> empty.add(new ArrayList<>()));
                        return empty;
                    });
                    byFork.get(forks.indexOf(rs.getInt(1))).add(rs.getDouble(4));
                }
            }
        }
        if (!units.containsKey(MetricMeasurement.PRIMARY)) {
            throw new IllegalStateException("trial " + trialId + " has forks without a primary metric");
        }
        List<String> order = new ArrayList<>(units.keySet());
        order.remove(MetricMeasurement.PRIMARY);
        order.addFirst(MetricMeasurement.PRIMARY);
        List<MetricMeasurement> metrics = new ArrayList<>();
        for (String metric : order) {
            double[][] values = samples.get(metric).stream()
                    .map(fork -> fork.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
            metrics.add(MetricMeasurement.pooled(metric, units.get(metric), values));
        }
        return new TrialMeasurement(mode, forks.size(), started, finished, metrics);
    }

    /** Deletes a trial's stored forks (once they are merged into its results). */
    static void delete(Connection connection, long trialId) throws SQLException {
        for (String table : List.of("trial_fork_sample", "trial_fork")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE trial_id = ?")) {
                delete.setLong(1, trialId);
                delete.executeUpdate();
            }
        }
    }
}
