package org.worldbench.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;

/**
 * The write path of an import: trials that are already finished (done, or failed with the other
 * tool's message), with their metrics and samples, written once each. The experiment job's path
 * ({@link ResultBatchWriter}) stores trials as pending and updates each when it is measured; for
 * 100,000 imported results those updates were most of the import.
 *
 * <p>Three bulk writes on the caller's connection and transaction (COPY on PostgreSQL, batches on
 * H2, see {@link RowSink}): trials, then one query for their generated ids by ordinal (one round
 * trip for the whole run), then metrics, then samples.
 */
public final class FinishedTrialWriter {

    private static final int MAX_FAILURE = 4000;

    private FinishedTrialWriter() {
    }

    /**
     * One trial of an import.
     *
     * @param planned     what was measured
     * @param measurement its metrics and samples, or null when it failed
     * @param failure     why it failed, or null
     * @param at          when it was imported (a failed trial's start and end)
     */
    public record FinishedTrial(PlannedTrial planned, TrialMeasurement measurement, String failure, Instant at) {
    }

    /** Stores the finished trials of a run; returns trial id by ordinal. */
    public static Map<Integer, Long> store(Connection connection, long runId, List<FinishedTrial> trials) throws SQLException {
        Map<String, Long> benchmarkIds = ResultBatchWriter.benchmarkIds(connection,
                trials.stream().map(FinishedTrial::planned).toList());
        try (RowSink rows = RowSink.open(connection, "trial",
                List.of("run_id", "benchmark_id", "ordinal", "status", "mode", "forks", "started_at", "finished_at", "failure"))) {
            for (FinishedTrial t : trials) {
                rows.integer(runId).integer(benchmarkIds.get(ResultBatchWriter.benchmarkKey(t.planned())))
                        .integer(t.planned().ordinal());
                TrialMeasurement m = t.measurement();
                if (m != null) {
                    rows.text(TrialStatus.DONE.code()).text(m.mode()).integer(m.forks()).timestamp(m.started())
                            .timestamp(m.finished()).text(null);
                } else {
                    String failure = t.failure() == null ? "failed" : t.failure();
                    rows.text(TrialStatus.FAILED.code()).text(null).text(null).timestamp(t.at()).timestamp(t.at())
                            .text(failure.length() > MAX_FAILURE ? failure.substring(0, MAX_FAILURE) : failure);
                }
                rows.endRow();
            }
            rows.finish();
        }
        Map<Integer, Long> ids = trialIds(connection, runId);
        try (RowSink rows = RowSink.open(connection, "trial_metric", List.of("trial_id", "metric", "unit", "score",
                "score_error", "p0", "p50", "p90", "p95", "p99", "p100", "sample_count"))) {
            for (FinishedTrial t : trials) {
                if (t.measurement() != null) {
                    long trialId = ids.get(t.planned().ordinal());
                    for (MetricMeasurement mm : t.measurement().metrics()) {
                        rows.integer(trialId).text(mm.name()).text(mm.unit()).number(mm.score()).number(mm.scoreError());
                        for (double p : mm.percentiles()) {
                            rows.number(p);
                        }
                        rows.integer(mm.sampleCount()).endRow();
                    }
                }
            }
            rows.finish();
        }
        try (RowSink rows = RowSink.open(connection, "sample", List.of("trial_id", "metric", "fork", "iteration", "sample_value"))) {
            for (FinishedTrial t : trials) {
                if (t.measurement() != null) {
                    long trialId = ids.get(t.planned().ordinal());
                    for (MetricMeasurement mm : t.measurement().metrics()) {
                        double[][] samples = mm.samples();
                        for (int fork = 0; fork < samples.length; fork++) {
                            for (int iteration = 0; iteration < samples[fork].length; iteration++) {
                                rows.integer(trialId).text(mm.name()).integer(fork).integer(iteration)
                                        .number(samples[fork][iteration]).endRow();
                            }
                        }
                    }
                }
            }
            rows.finish();
        }
        // Only the trial table's statistics steer the compare step's plans (which trials a run has);
        // metrics and samples are always reached through a trial, by key. Analysing the two big
        // tables too cost the import most of a second on every run.
        RowSink.refreshStatistics(connection, List.of("trial"));
        return ids;
    }

    private static Map<Integer, Long> trialIds(Connection connection, long runId) throws SQLException {
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
}
