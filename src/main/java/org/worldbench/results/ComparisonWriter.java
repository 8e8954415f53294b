package org.worldbench.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a run's comparisons, with the baseline runs each pooled, in bulk on the caller's connection
 * and transaction: COPY on PostgreSQL, JDBC batches on H2 ({@link RowSink}). Through JPA each row was
 * an INSERT of its own (identity keys cannot be batched), 200,000 of them for an import of 100,000
 * results. The generated ids are read back by the run's unique (benchmark, metric) key, then the
 * baseline-run rows are written with them.
 */
final class ComparisonWriter {

    private ComparisonWriter() {
    }

    static void store(Connection connection, long runId, List<Comparison> comparisons) throws SQLException {
        try (RowSink rows = RowSink.open(connection, "comparison", List.of("run_id", "benchmark_id", "metric", "unit",
                "baseline_run_id", "trial_median", "baseline_median", "ratio", "change_percent", "threshold_percent", "verdict",
                "reason", "effect_scale", "ci_low", "ci_high", "confidence_level", "p_value", "adjusted_p_value", "direction",
                "baseline_mode", "machine_forced", "history_status"))) {
            for (Comparison c : comparisons) {
                if (!c.getRunId().equals(runId)) {
                    throw new IllegalArgumentException("comparison of run " + c.getRunId() + " stored with run " + runId);
                }
                rows.integer(runId).integer(c.getBenchmark().getId()).text(c.getMetric()).text(c.getUnit())
                        .nullableInteger(c.getBaselineRunId()).number(orNaN(c.getTrialMedian()))
                        .number(orNaN(c.getBaselineMedian())).number(orNaN(c.getRatio())).number(orNaN(c.getChangePercent()))
                        .number(c.getThresholdPercent()).text(c.getVerdict().code()).text(c.getReason())
                        .text(c.getEffectScale()).number(orNaN(c.getCiLow())).number(orNaN(c.getCiHigh()))
                        .number(orNaN(c.getConfidenceLevel())).number(orNaN(c.getPValue())).number(orNaN(c.getAdjustedPValue()))
                        .text(c.getDirection()).text(c.getBaselineMode()).bool(c.isMachineForced()).text(c.getHistoryStatus())
                        .endRow();
            }
            rows.finish();
        }
        if (comparisons.stream().allMatch(c -> c.getBaselineRunIds().isEmpty())) {
            return;
        }
        Map<String, Long> ids = ids(connection, runId);
        try (RowSink rows = RowSink.open(connection, "comparison_baseline_run", List.of("comparison_id", "baseline_run_id"))) {
            for (Comparison c : comparisons) {
                long id = ids.get(key(c.getBenchmark().getId(), c.getMetric()));
                for (long baselineRun : c.getBaselineRunIds()) {
                    rows.integer(id).integer(baselineRun).endRow();
                }
            }
            rows.finish();
        }
    }

    /** "benchmark id/metric" → comparison id, for one run (unique by {@code uk_comparison_run_benchmark_metric}). */
    private static Map<String, Long> ids(Connection connection, long runId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT benchmark_id, metric, id FROM comparison WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(key(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return ids;
    }

    private static String key(long benchmarkId, String metric) {
        return benchmarkId + "/" + metric;
    }

    /** NULL columns travel as NaN through {@link RowSink#number}. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
