package org.worldbench.benchmark.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
 * first invocation, as they do when a project imports its nightly results. Database as for
 * {@link RunPersistenceBenchmark} ({@code WORLDBENCH_BENCH_PG_URL}, a schema per fork, dropped at the
 * end; pgjdbc's {@code reWriteBatchedInserts} on, as the postgres profile sets it).
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

    private static final int METHODS = 20;

    private Path file;
    private Connection connection;
    private String schema;
    private long machineId;
    private long runId;

    @Setup(Level.Trial)
    public void generateFileAndSchema() throws SQLException, IOException {
        file = Files.createTempFile("worldbench-import-", ".json");
        writeJmhFile(file, results);
        schema = "wbimport_" + Long.toHexString(System.nanoTime());
        if (database.equals("h2")) {
            connection = DriverManager.getConnection("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", "");
        } else {
            Properties properties = new Properties();
            properties.setProperty("user", env("WORLDBENCH_BENCH_PG_USER", "postgres"));
            properties.setProperty("password", env("WORLDBENCH_BENCH_PG_PASSWORD", ""));
            properties.setProperty("reWriteBatchedInserts", "true");
            String url = env("WORLDBENCH_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            try {
                connection = DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                throw new IllegalStateException("importJmhFile needs PostgreSQL at " + url + " (set WORLDBENCH_BENCH_PG_URL): "
                        + e.getMessage(), e);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("SET search_path TO " + schema);
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String migration : List.of("V3__experiment_results.sql", "V5__imported_runs.sql")) {
                for (String statement : resource("/db/migration/" + migration).split(";")) {
                    if (!statement.lines().allMatch(l -> l.strip().startsWith("--") || l.isBlank())) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("INSERT INTO machine (fingerprint, cpu_model, cores, memory_mib, os_name, os_version, os_arch, jvm_vendor,"
                    + " jvm_version, first_seen) VALUES ('bench', 'cpu', 2, 1024, 'os', '1', 'x', 'vendor', '25', CURRENT_TIMESTAMP)");
            try (ResultSet rs = s.executeQuery("SELECT id FROM machine")) {
                rs.next();
                machineId = rs.getLong(1);
            }
        }
        connection.setAutoCommit(false);
    }

    @Setup(Level.Invocation)
    public void newRun() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run (experiment, description, spec_snapshot, status,"
                + " created_at, machine_id, origin) VALUES ('bench', '', 'name: bench', 'pending', CURRENT_TIMESTAMP, ?, 'imported-jmh')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, machineId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                runId = keys.getLong(1);
            }
        }
        connection.commit();
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
        FinishedTrialWriter.store(connection, runId, trials);
        connection.commit();
        return imported.sampleCount();
    }

    @TearDown(Level.Trial)
    public void dropSchema() throws SQLException, IOException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute(database.equals("h2") ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
        connection.close();
        Files.deleteIfExists(file);
    }

    /** A JMH -rf json file as JMH 1.37 writes it (fields in JMH's order), seeded so every fork writes the same file. */
    static void writeJmhFile(Path target, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < count; i++) {
                String size = String.format(Locale.ROOT, "%06d", i / METHODS);
                out.write(i == 0 ? "" : ",\n");
                out.write("    {\n        \"jmhVersion\" : \"1.37\",\n        \"benchmark\" : \"org.example.bench.Generated.method"
                        + (i % METHODS) + "\",\n        \"mode\" : \"avgt\",\n        \"threads\" : 1,\n        \"forks\" : 1,\n"
                        + "        \"jvm\" : \"java\",\n        \"jvmArgs\" : [\n        ],\n        \"jdkVersion\" : \"25.0.3\",\n"
                        + "        \"vmName\" : \"OpenJDK 64-Bit Server VM\",\n        \"vmVersion\" : \"25.0.3+9-LTS\",\n"
                        + "        \"warmupIterations\" : 3,\n        \"warmupTime\" : \"1 s\",\n        \"warmupBatchSize\" : 1,\n"
                        + "        \"measurementIterations\" : 3,\n        \"measurementTime\" : \"1 s\",\n"
                        + "        \"measurementBatchSize\" : 1,\n        \"params\" : {\n            \"size\" : \"" + size + "\"\n"
                        + "        },\n        \"primaryMetric\" : ");
                metric(out, random, 1000, "ns/op");
                out.write(",\n        \"secondaryMetrics\" : {\n            \"gc.alloc.rate.norm\" : ");
                metric(out, random, 64, "B/op");
                out.write("\n        }\n    }");
            }
            out.write("\n]\n");
        }
    }

    private static void metric(BufferedWriter out, SplittableRandom random, double centre, String unit) throws IOException {
        double[] v = {centre + random.nextGaussian() * centre / 100, centre + random.nextGaussian() * centre / 100,
                centre + random.nextGaussian() * centre / 100};
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double mean = (v[0] + v[1] + v[2]) / 3;
        out.write("{\n                \"score\" : " + mean + ",\n                \"scoreError\" : " + (sorted[2] - sorted[0])
                + ",\n                \"scoreConfidence\" : [\n                    " + (mean - 1) + ",\n                    "
                + (mean + 1) + "\n                ],\n                \"scorePercentiles\" : {\n                    \"0.0\" : "
                + sorted[0] + ",\n                    \"50.0\" : " + sorted[1] + ",\n                    \"90.0\" : " + sorted[2]
                + ",\n                    \"95.0\" : " + sorted[2] + ",\n                    \"99.0\" : " + sorted[2]
                + ",\n                    \"99.9\" : " + sorted[2] + ",\n                    \"100.0\" : " + sorted[2]
                + "\n                },\n                \"scoreUnit\" : \"" + unit + "\",\n                \"rawData\" : [\n"
                + "                    [\n                        " + v[0] + ",\n                        " + v[1]
                + ",\n                        " + v[2] + "\n                    ]\n                ]\n            }");
    }

    private static String resource(String name) {
        try (InputStream in = ImportJmhFileBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
