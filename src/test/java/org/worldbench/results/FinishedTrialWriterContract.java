package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;

/**
 * The import write path on a real database (COPY on PostgreSQL, batches on H2): what goes in comes
 * back exactly, including quotes, commas and line breaks in text, NaN aggregates and extreme doubles; and
 * a row the database refuses leaves no trial, metric or sample behind.
 */
@SpringBootTest
abstract class FinishedTrialWriterContract {

    private static final Instant STARTED = Instant.parse("2026-11-24T20:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-24T20:01:00Z");

    @Autowired RunStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void finished_and_failed_trials_are_stored_once_with_every_value_as_given() {
        long runId = newRun();
        double[][] samples = {{1.5, 2.5e-7, Double.MAX_VALUE}, {Double.MIN_VALUE, 1e300}};
        MetricMeasurement odd = new MetricMeasurement("weird,\"name\"\nline", "ns/op", 3.25, Double.NaN,
                new double[] {1, 2, 3, 4, 5, 6}, samples);
        FinishedTrial done = new FinishedTrial(planned(1, "fast", Map.of("size", "a,\"b\"")),
                new TrialMeasurement("avgt", 2, STARTED, FINISHED, List.of(odd)), null, FINISHED);
        FinishedTrial failed = new FinishedTrial(planned(2, "broken", Map.of()), null, "Exception: \"boom\",\nat line 3",
                FINISHED);

        Map<Integer, Long> ids = transactions.execute(tx -> store.saveFinishedTrials(runId, List.of(done, failed)));

        assertThat(jdbc.queryForList("SELECT status FROM trial WHERE run_id = ? ORDER BY ordinal", String.class, runId))
                .containsExactly(TrialStatus.DONE.code(), TrialStatus.FAILED.code());
        assertThat(jdbc.queryForObject("SELECT failure FROM trial WHERE id = ?", String.class, ids.get(2)))
                .isEqualTo("Exception: \"boom\",\nat line 3");
        assertThat(jdbc.queryForObject("SELECT forks FROM trial WHERE id = ?", Integer.class, ids.get(1))).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT finished_at FROM trial WHERE id = ?", OffsetDateTime.class, ids.get(1))
                .toInstant()).isEqualTo(FINISHED);
        assertThat(jdbc.queryForObject("SELECT b.params_key FROM benchmark b JOIN trial t ON t.benchmark_id = b.id"
                + " WHERE t.id = ?", String.class, ids.get(1))).isEqualTo("size=a,\"b\"");
        Map<String, Object> metric = jdbc.queryForMap("SELECT metric, unit, score, score_error, p99, sample_count"
                + " FROM trial_metric WHERE trial_id = ?", ids.get(1));
        assertThat(metric.get("metric")).isEqualTo(odd.name());
        assertThat(((Number) metric.get("score")).doubleValue()).isEqualTo(3.25);
        assertThat(metric.get("score_error")).as("NaN is stored as NULL").isNull();
        assertThat(((Number) metric.get("p99")).doubleValue()).isEqualTo(5);
        assertThat(((Number) metric.get("sample_count")).intValue()).isEqualTo(5);
        assertThat(store.samples(List.of(ids.get(1)), odd.name()).get(ids.get(1))).isDeepEqualTo(samples);
        assertThat(store.sampleCount(runId)).isEqualTo(5);
    }

    @Test
    void a_row_the_database_refuses_leaves_nothing_of_the_import() {
        long runId = newRun();
        MetricMeasurement tooLongUnit = new MetricMeasurement("primary", "u".repeat(51), 1, 0, new double[6],
                new double[][] {{1}});
        FinishedTrial trial = new FinishedTrial(planned(1, "fast", Map.of()),
                new TrialMeasurement("avgt", 1, STARTED, FINISHED, List.of(tooLongUnit)), null, FINISHED);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> store.saveFinishedTrials(runId, List.of(trial))))
                .isInstanceOf(RuntimeException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE run_id = ?", Long.class, runId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_metric m JOIN trial t ON t.id = m.trial_id"
                + " WHERE t.run_id = ?", Long.class, runId)).isZero();
        assertThat(store.sampleCount(runId)).isZero();
    }

    private static PlannedTrial planned(int ordinal, String name, Map<String, String> parameters) {
        return new PlannedTrial(ordinal, name, "org.example.Bench", new LinkedHashMap<>(parameters));
    }

    private long newRun() {
        jdbc.update("INSERT INTO machine (fingerprint, cpu_model, cores, memory_mib, os_name, os_version, os_arch, jvm_vendor,"
                + " jvm_version, first_seen) VALUES (?, 'cpu', 2, 1024, 'os', '1', 'x', 'vendor', '25', CURRENT_TIMESTAMP)",
                "writer-" + System.nanoTime());
        Long machine = jdbc.queryForObject("SELECT MAX(id) FROM machine", Long.class);
        jdbc.update("INSERT INTO run (experiment, description, spec_snapshot, status, created_at, machine_id, origin)"
                + " VALUES ('test', '', 'name: test', 'pending', CURRENT_TIMESTAMP, ?, 'imported-jmh')", machine);
        return jdbc.queryForObject("SELECT MAX(id) FROM run", Long.class);
    }
}
