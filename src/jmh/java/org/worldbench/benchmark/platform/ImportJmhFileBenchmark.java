package org.worldbench.benchmark.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.importer.ImportedBenchmark;
import org.worldbench.importer.ImportedResults;
import org.worldbench.importer.ResultFiles;
import org.worldbench.importer.ResultFormat;
import org.worldbench.results.FinishedTrialWriter;
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;

/**
 * How long {@code worldbench import} takes for a big JMH file: {@code results} JMH results (20
 * methods × parameter values, each with a primary metric of 1 fork × 3 iterations and a
 * {@code gc.alloc.rate.norm} metric likewise: 100,000 results, 600,000 samples, 251 MB of pretty-printed
 * JSON) read by the streaming reader, checked, and stored in one transaction by the import write path
 * (the same {@link FinishedTrialWriter} call {@code ImportLauncher} makes through {@code RunStore}:
 * COPY on PostgreSQL, batches on H2). A real {@code -prof gc} result has four secondary metrics
 * ({@code gc.alloc.rate}, {@code .norm}, {@code gc.count}, {@code gc.time}) and forks × iterations
 * samples each (e.g. 1 × 5): about 4× the samples per result of this file.
 * The budget is 5 s on PostgreSQL. The compare and report steps that follow an import are not
 * included: they are the experiment job's, measured with it.
 *
 * <p>Single-shot: each invocation imports the whole file as a new run; benchmark rows exist after the
 * first invocation, as they do when a project imports its nightly results. The file is
 * {@link GeneratedJmhFile}'s; the database is a {@link BenchmarkDatabase} (a schema per fork,
 * dropped at the end; pgjdbc's {@code reWriteBatchedInserts} on, as the postgres profile sets it).
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar importJmhFile}
 * (see docs/performance.md, section "Import").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ImportJmhFileBenchmark {

    @Param({"postgres"})
    public String database;

    @Param({"100000"})
    public int results;

    private Path file;
    private BenchmarkDatabase db;
    private long runId;

    @Setup(Level.Trial)
    public void generateFileAndSchema() throws SQLException, IOException {
        file = Files.createTempFile("worldbench-import-", ".json");
        GeneratedJmhFile.write(file, results);
        db = BenchmarkDatabase.open(database, "importJmhFile", true);
    }

    @Setup(Level.Invocation)
    public void newRun() throws SQLException {
        runId = db.newRun("pending", "imported-jmh");
    }

    /** Reads and checks the whole file, then stores every result in one transaction. */
    @Benchmark
    public long importJmhFile() throws SQLException {
        ImportedResults imported = new ResultFiles().read(file, ResultFormat.JMH);
        Instant now = Instant.now();
        List<FinishedTrial> trials = new ArrayList<>(imported.benchmarks().size());
        for (int i = 0; i < imported.benchmarks().size(); i++) {
            ImportedBenchmark b = imported.benchmarks().get(i);
            trials.add(new FinishedTrial(new PlannedTrial(i + 1, b.name(), b.className(), b.parameters()), b.measurement(),
                    b.failure(), now));
        }
        FinishedTrialWriter.store(db.connection(), runId, trials);
        db.connection().commit();
        return imported.sampleCount();
    }

    @TearDown(Level.Trial)
    public void dropSchemaAndFile() throws SQLException, IOException {
        db.close();
        Files.deleteIfExists(file);
    }
}
