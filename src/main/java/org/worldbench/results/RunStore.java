package org.worldbench.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * Stores trials, metrics and raw samples of runs (through {@link ResultBatchWriter}'s JDBC
 * batches) and reads samples back. Every method joins the caller's transaction or opens one, so a
 * trial and all its samples commit together.
 */
@Component
public class RunStore {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.translator = jdbc.getExceptionTranslator();
    }

    /** Stores the planned trials of a run as pending; returns trial id by ordinal. */
    @Transactional
    public Map<Integer, Long> planTrials(long runId, List<PlannedTrial> trials) {
        return withConnection("plan trials", c -> ResultBatchWriter.planTrials(c, runId, trials));
    }

    /** Stores one finished trial with all its metrics and samples, and marks it done. */
    @Transactional
    public void saveMeasurement(long trialId, TrialMeasurement measurement) {
        saveMeasurements(Map.of(trialId, measurement));
    }

    /** Stores many finished trials in one transaction (imports, bulk loads). */
    @Transactional
    public void saveMeasurements(Map<Long, TrialMeasurement> measurements) {
        withConnection("store measurements", c -> {
            ResultBatchWriter.saveMeasurements(c, measurements);
            return null;
        });
    }

    /**
     * Stores one fork of a trial measured one fork per round (interleaved order). When that was the
     * trial's last fork, the trial is completed in the same transaction: its forks merged, stored
     * with all their samples as for {@link #saveMeasurement}, and the trial marked done.
     *
     * @param fork  the fork's index in the trial, from 0
     * @param forks the trial's number of forks
     * @return whether the trial is now complete
     */
    @Transactional
    public boolean saveFork(long trialId, int fork, int forks, TrialMeasurement measurement) {
        return withConnection("store a fork", c -> {
            TrialForkWriter.store(c, trialId, fork, measurement);
            if (fork + 1 < forks) {
                return false;
            }
            TrialMeasurement merged = TrialForkWriter.merged(c, trialId);
            if (merged.forks() != forks) {
                throw new IllegalStateException("trial " + trialId + " has " + merged.forks() + " forks stored, expected " + forks);
            }
            ResultBatchWriter.saveMeasurements(c, Map.of(trialId, merged));
            TrialForkWriter.delete(c, trialId);
            return true;
        });
    }

    /** Forks stored so far of the run's trials still measured in rounds: trial id → count (trials without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> storedForks(long runId) {
        return withConnection("count stored forks", c -> TrialForkWriter.storedForks(c, runId));
    }

    /** Stores an import's trials, already finished, with their metrics and samples; returns trial id by ordinal. */
    @Transactional
    public Map<Integer, Long> saveFinishedTrials(long runId, List<FinishedTrialWriter.FinishedTrial> trials) {
        return withConnection("store imported trials", c -> FinishedTrialWriter.store(c, runId, trials));
    }

    /** Stores a run's new comparisons with their baseline runs in bulk ({@link ComparisonWriter}). */
    @Transactional
    public void saveComparisons(long runId, List<Comparison> comparisons) {
        withConnection("store comparisons", c -> {
            ComparisonWriter.store(c, runId, comparisons);
            return null;
        });
    }

    private interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs plain JDBC on the connection of the current Spring transaction. */
    private <T> T withConnection(String task, JdbcWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translator.translate(task, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Marks a trial failed with the reason; its samples, if any were stored, stay untouched. */
    @Transactional
    public void markFailed(long trialId, String failure, Instant started, Instant finished) {
        jdbc.update("UPDATE trial SET status = ?, failure = ?, started_at = ?, finished_at = ? WHERE id = ?",
                TrialStatus.FAILED.code(), failure.length() > 4000 ? failure.substring(0, 4000) : failure,
                ResultBatchWriter.utc(started), ResultBatchWriter.utc(finished), trialId);
    }

    /** Raw samples of one metric for the given trials: trial id → {@code [fork][iteration]}. */
    @Transactional(readOnly = true)
    public Map<Long, double[][]> samples(Collection<Long> trialIds, String metric) {
        SampleCollector collected = new SampleCollector();
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
                    collected, args);
        }
        return collected.result();
    }

    /**
     * Raw samples of one metric for every trial of a run, in one query: what the compare and report
     * steps read. Asking by trial ids, 500 at a time, took 200 queries per metric and side for a run
     * of 100,000 trials.
     */
    @Transactional(readOnly = true)
    public Map<Long, double[][]> samplesOfRun(long runId, String metric) {
        SampleCollector collected = new SampleCollector();
        jdbc.query("SELECT s.trial_id, s.fork, s.iteration, s.sample_value FROM sample s JOIN trial t ON t.id = s.trial_id"
                + " WHERE t.run_id = ? AND s.metric = ? ORDER BY s.trial_id, s.fork, s.iteration", collected, runId, metric);
        return collected.result();
    }

    /** The unit of every metric of every trial of a run: trial id → metric → unit. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, String>> metricUnits(long runId) {
        Map<Long, Map<String, String>> units = new HashMap<>();
        jdbc.query("SELECT m.trial_id, m.metric, m.unit FROM trial_metric m JOIN trial t ON t.id = m.trial_id WHERE t.run_id = ?",
                rs -> {
                    units.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }, runId);
        return units;
    }

    /** Rows (trial id, fork, iteration, value), ordered by trial, fork and iteration, into {@code [fork][iteration]} per trial. */
    private static final class SampleCollector implements org.springframework.jdbc.core.RowCallbackHandler {
        private final Map<Long, List<List<Double>>> collected = new HashMap<>();

        @Override
        public void processRow(java.sql.ResultSet rs) throws SQLException {
            List<List<Double>> forks = collected.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
            int fork = rs.getInt(2);
            while (forks.size() <= fork) {
                forks.add(new ArrayList<>());
            }
            forks.get(fork).add(rs.getDouble(4));
        }

        Map<Long, double[][]> result() {
            Map<Long, double[][]> result = new HashMap<>();
            collected.forEach((id, forks) -> result.put(id, forks.stream()
                    .map(f -> f.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new)));
            return result;
        }
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

}
