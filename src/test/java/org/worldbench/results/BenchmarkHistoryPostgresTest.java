package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;
import org.worldbench.testsupport.db.PostgresTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@PostgresTest
class BenchmarkHistoryPostgresTest extends BenchmarkHistoryContract {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * A run imported in bulk meets the planner statistics of a smaller database: autovacuum analyses
     * new rows only later (or never, when it is off), and the import analyses only the trial table. The
     * history query must not need fresh statistics of the others: the rows it reads grow with the run,
     * not with its square. (Planned on stale statistics, a semi-join once scanned all of the run's trials
     * for every trial of its history: minutes for 100,000 results.) Rows read are counted from the
     * executed plan, not timed. At these sizes the query also stays linear without the trial table's
     * ANALYZE, so this test does not show that ANALYZE is needed (see {@code RowSink.refreshStatistics}).
     */
    @Test
    void the_history_query_reads_rows_in_proportion_to_the_run_on_statistics_of_a_small_database() {
        long machine = newMachine();
        store(newRun(machine, RunStatus.COMPLETED), trials("small", 20));
        jdbc.execute("ANALYZE");
        long smaller = runWithHistory(machine, "n1000-", 1_000);
        long larger = runWithHistory(machine, "n2000-", 2_000);

        long readForSmaller = rowsRead(machine, smaller);
        long readForLarger = rowsRead(machine, larger);

        assertThat(history.seriesOfRun(machine, larger, MetricMeasurement.PRIMARY, "ns/op")).hasSize(2_000)
                .allSatisfy((benchmark, points) -> assertThat(points).hasSize(2));
        assertThat((double) readForLarger / readForSmaller).as("rows read for 2,000 trials / for 1,000 (%d / %d): linear is"
                + " at most 2, quadratic about 4", readForLarger, readForSmaller).isLessThan(2.5);
    }

    /** A completed run of {@code size} trials, then a running one of the same benchmarks, whose id is returned. */
    private long runWithHistory(long machine, String prefix, int size) {
        store(newRun(machine, RunStatus.COMPLETED), trials(prefix, size));
        long run = newRun(machine, RunStatus.RUNNING);
        store(run, trials(prefix, size));
        return run;
    }

    private static List<FinishedTrial> trials(String prefix, int size) {
        List<FinishedTrial> trials = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            trials.add(trial(i, prefix + i, 100 + i));
        }
        return trials;
    }

    private long rowsRead(long machine, long run) {
        String plan = jdbc.queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) " + BenchmarkHistory.SERIES_OF_RUN, String.class,
                BenchmarkHistory.seriesOfRunArguments(machine, run, MetricMeasurement.PRIMARY, "ns/op"));
        return rowsRead(JSON.readTree(plan).get(0).get("Plan"));
    }

    /** Rows each node of an executed plan returned or filtered away, over all its loops. */
    private static long rowsRead(JsonNode node) {
        long perLoop = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong() + node.path("Rows Removed by Index Recheck").asLong();
        long rows = perLoop * node.path("Actual Loops").asLong();
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }
}
