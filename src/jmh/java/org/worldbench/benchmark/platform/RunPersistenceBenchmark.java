package org.worldbench.benchmark.platform;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.results.ResultBatchWriter;

/**
 * How long storing a whole run takes: {@code trials} trials of {@code forks x iterations} raw samples
 * each (1,000 x 5 x 10 = 50,000 samples by default), written by the platform's own write path
 * ({@link ResultBatchWriter}: the pending trials, then every trial's metrics and samples) in one
 * transaction, against a real database. The budget is 2 s on PostgreSQL.
 *
 * <p>Single-shot: one invocation stores one complete run, as the experiment job's plan step and an
 * import do; every invocation stores a new run, so the tables grow as they do in use. Benchmark
 * rows already exist after the first invocation, as they do after a project's first run.
 * {@code metrics} is 1 for the primary score alone (the budget's case) or 5 for a run with
 * {@code -prof gc} (primary plus four GC metrics, five times the samples).
 *
 * <p>The database is a {@link BenchmarkDatabase}: each fork works in a schema of its own, dropped at
 * the end. {@code rewrite} switches pgjdbc's {@code reWriteBatchedInserts}, which the postgres
 * profile turns on.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar persistRun}
 * (see docs/performance.md, section "Experiment job").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RunPersistenceBenchmark {

    @Param({"postgres", "h2"})
    public String database;

    @Param({"1000"})
    public int trials;

    @Param({"1", "5"})
    public int metrics;

    @Param({"true", "false"})
    public boolean rewrite;

    private static final int FORKS = 5;
    private static final int ITERATIONS = 10;

    private BenchmarkDatabase db;
    private List<PlannedTrial> planned;
    private List<TrialMeasurement> measurements;
    private long runId;

    @Setup(Level.Trial)
    public void createSchemaAndRun() throws SQLException {
        db = BenchmarkDatabase.open(database, "persistRun", rewrite);
        planned = new ArrayList<>();
        measurements = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        Instant now = Instant.now();
        for (int i = 1; i <= trials; i++) {
            LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
            parameters.put("allocation", List.of("HEAP", "INLINE", "HIERARCHICAL").get(i % 3));
            parameters.put("size", String.format("%05d", i));
            planned.add(new PlannedTrial(i, "bench" + (i % 20), "org.example.Bench", parameters));
            List<MetricMeasurement> list = new ArrayList<>();
            for (int m = 0; m < metrics; m++) {
                double[][] samples = new double[FORKS][ITERATIONS];
                for (double[] fork : samples) {
                    for (int k = 0; k < ITERATIONS; k++) {
                        fork[k] = 1000 + random.nextGaussian() * 10;
                    }
                }
                list.add(new MetricMeasurement(m == 0 ? MetricMeasurement.PRIMARY : "gc.metric" + m, "ns/op", 1000, 5,
                        new double[] {970, 1000, 1012, 1016, 1023, 1030}, samples));
            }
            measurements.add(new TrialMeasurement("avgt", FORKS, now, now, list));
        }
    }

    @Setup(Level.Invocation)
    public void newRun() throws SQLException {
        runId = db.newRun("running", "measured");
    }

    /** Stores a whole run: pending trials, then all metrics and samples, committed once. */
    @Benchmark
    public long persistRun() throws SQLException {
        Map<Integer, Long> ids = ResultBatchWriter.planTrials(db.connection(), runId, planned);
        Map<Long, TrialMeasurement> byTrial = new HashMap<>();
        for (PlannedTrial t : planned) {
            byTrial.put(ids.get(t.ordinal()), measurements.get(t.ordinal() - 1));
        }
        ResultBatchWriter.saveMeasurements(db.connection(), byTrial);
        db.connection().commit();
        return runId;
    }

    @TearDown(Level.Trial)
    public void dropSchema() throws SQLException {
        db.close();
    }
}
