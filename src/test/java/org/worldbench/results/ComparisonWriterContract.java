package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.analysis.Direction;
import org.worldbench.analysis.Effect;
import org.worldbench.analysis.SampleSummary;
import org.worldbench.analysis.Verdict;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;

/**
 * The compare step's bulk write on a real database (COPY on PostgreSQL, batches on H2): every
 * column of a comparison comes back as it was judged, nulls as nulls, text COPY must quote intact,
 * and each comparison keeps exactly the baseline runs it pooled.
 */
@SpringBootTest
abstract class ComparisonWriterContract {

    private static final Instant AT = Instant.parse("2026-11-24T20:00:00Z");

    @Autowired RunStore store;
    @Autowired ComparisonRepository comparisons;
    @Autowired BenchmarkRepository benchmarks;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void comparisons_come_back_with_every_value_and_their_baseline_runs() {
        long olderBaseline = newRun();
        long newerBaseline = newRun();
        long runId = newRun();
        Map<Integer, Long> trialIds = transactions.execute(tx -> store.saveFinishedTrials(runId, List.of(trial(1, "judged"),
                trial(2, "degenerate"))));
        Benchmark judgedBenchmark = benchmarkOf(trialIds.get(1));
        Benchmark degenerateBenchmark = benchmarkOf(trialIds.get(2));

        Comparison judged = new Comparison(runId, judgedBenchmark, new org.worldbench.analysis.Comparison("judged", "primary",
                "ns/op", Verdict.REGRESSED, "slower, \"clearly\";\nsee the interval", Optional.of(Direction.LOWER_IS_BETTER),
                new SampleSummary(2, 10, 1100.5), Optional.of(new SampleSummary(4, 20, 1000.25)),
                Optional.of(new Effect(Effect.Scale.RATIO, 1.1, 1.05, 1.15, 0.99)), 0.0012, 0.0034, 0.05),
                List.of(olderBaseline, newerBaseline), "rolling", true);
        judged.setHistory("new-step", "a new step, \"persistent\"");
        Comparison degenerate = new Comparison(runId, degenerateBenchmark, new org.worldbench.analysis.Comparison("degenerate",
                "gc.alloc.rate.norm", "B/op", Verdict.INCONCLUSIVE, "no baseline", Optional.empty(),
                new SampleSummary(1, 3, Double.NaN), Optional.empty(), Optional.empty(), Double.NaN, Double.NaN, 0.05),
                List.of(), null, false);

        transactions.executeWithoutResult(tx -> store.saveComparisons(runId, List.of(judged, degenerate)));

        List<Comparison> stored = transactions.execute(tx -> comparisons.findByRunIdOrderById(runId));
        assertThat(stored).hasSize(2);
        for (Function<Comparison, Object> column : List.<Function<Comparison, Object>>of(Comparison::getRunId,
                c -> c.getBenchmark().getId(), Comparison::getMetric, Comparison::getUnit, Comparison::getBaselineRunId,
                Comparison::getBaselineRunIds, Comparison::getBaselineMode, Comparison::isMachineForced,
                Comparison::getTrialMedian, Comparison::getBaselineMedian, Comparison::getEffectScale, Comparison::getRatio,
                Comparison::getChangePercent, Comparison::getCiLow, Comparison::getCiHigh, Comparison::getConfidenceLevel,
                Comparison::getPValue, Comparison::getAdjustedPValue, Comparison::getDirection, Comparison::getThresholdPercent,
                Comparison::getVerdict, Comparison::getReason, Comparison::getHistoryStatus)) {
            assertThat(stored.stream().map(column).toList()).isEqualTo(List.of(judged, degenerate).stream().map(column).toList());
        }
        assertThat(stored.getFirst().getBaselineRunIds()).containsExactly(olderBaseline, newerBaseline);
        assertThat(stored.getFirst().getReason()).isEqualTo("slower, \"clearly\";\nsee the interval; history: a new step,"
                + " \"persistent\"");
        assertThat(stored.get(1).getTrialMedian()).isNull();
        assertThat(stored.get(1).getBaselineRunIds()).isEmpty();
    }

    private Benchmark benchmarkOf(long trialId) {
        Long id = jdbc.queryForObject("SELECT benchmark_id FROM trial WHERE id = ?", Long.class, trialId);
        return benchmarks.findById(id).orElseThrow();
    }

    private static FinishedTrial trial(int ordinal, String name) {
        MetricMeasurement primary = new MetricMeasurement("primary", "ns/op", 1, 0, new double[6], new double[][] {{1, 2, 3}});
        return new FinishedTrial(new PlannedTrial(ordinal, name + System.nanoTime(), "org.example.Bench", new LinkedHashMap<>()),
                new TrialMeasurement("avgt", 1, AT, AT, List.of(primary)), null, AT);
    }

    private long newRun() {
        jdbc.update("INSERT INTO machine (fingerprint, cpu_model, cores, memory_mib, os_name, os_version, os_arch, jvm_vendor,"
                + " jvm_version, first_seen) VALUES (?, 'cpu', 2, 1024, 'os', '1', 'x', 'vendor', '25', CURRENT_TIMESTAMP)",
                "comparisons-" + System.nanoTime());
        Long machine = jdbc.queryForObject("SELECT MAX(id) FROM machine", Long.class);
        jdbc.update("INSERT INTO run (experiment, description, spec_snapshot, status, created_at, machine_id)"
                + " VALUES ('test', '', 'name: test', 'running', CURRENT_TIMESTAMP, ?)", machine);
        return jdbc.queryForObject("SELECT MAX(id) FROM run", Long.class);
    }
}
