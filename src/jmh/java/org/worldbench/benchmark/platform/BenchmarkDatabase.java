package org.worldbench.benchmark.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The database of one platform benchmark fork: a fresh in-memory H2 database ({@code h2}), or a
 * schema of its own in PostgreSQL ({@code postgres}), dropped by {@link #close()}. It holds the
 * application's result tables (the Flyway migrations from V3 on, without the job repository's tables,
 * which no benchmarked write path touches) and one machine; {@link #newRun} adds a run per
 * invocation. The connection is left in manual-commit mode, as the application's transactions are.
 *
 * <p>PostgreSQL comes from {@code WORLDBENCH_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code WORLDBENCH_BENCH_PG_USER} (default
 * {@code postgres}) and {@code WORLDBENCH_BENCH_PG_PASSWORD}.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private static final List<String> MIGRATIONS = List.of("V3__experiment_results.sql", "V4__verdict_details.sql",
            "V5__imported_runs.sql", "V6__interleaved_forks.sql", "V7__import_write_path_indexes.sql");

    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");

    private final Connection connection;
    private final String kind;
    private final String schema;
    private final long machineId;

    private BenchmarkDatabase(Connection connection, String kind, String schema) throws SQLException {
        this.connection = connection;
        this.kind = kind;
        this.schema = schema;
        try (Statement s = connection.createStatement()) {
            for (String migration : MIGRATIONS) {
                // comments first: they may hold semicolons (the migrations have no "--" inside a literal)
                String sql = COMMENT.matcher(resource("/db/migration/" + migration)).replaceAll("");
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
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

    /**
     * Opens a fresh database.
     *
     * @param kind           {@code h2} or {@code postgres}
     * @param benchmark      the benchmark's name, for the error message when PostgreSQL does not answer
     * @param rewriteBatches pgjdbc's {@code reWriteBatchedInserts} (the postgres profile turns it on)
     */
    static BenchmarkDatabase open(String kind, String benchmark, boolean rewriteBatches) throws SQLException {
        String schema = "wbbench_" + Long.toHexString(System.nanoTime());
        if (kind.equals("h2")) {
            return new BenchmarkDatabase(DriverManager.getConnection("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", ""),
                    kind, schema);
        }
        Properties properties = new Properties();
        properties.setProperty("user", env("WORLDBENCH_BENCH_PG_USER", "postgres"));
        properties.setProperty("password", env("WORLDBENCH_BENCH_PG_PASSWORD", ""));
        properties.setProperty("reWriteBatchedInserts", Boolean.toString(rewriteBatches));
        String url = env("WORLDBENCH_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new IllegalStateException(benchmark + " needs PostgreSQL at " + url + " (set WORLDBENCH_BENCH_PG_URL): "
                    + e.getMessage(), e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("SET search_path TO " + schema);
        }
        return new BenchmarkDatabase(connection, kind, schema);
    }

    Connection connection() {
        return connection;
    }

    /** Stores a new run of the machine with the given status and origin ({@code measured}, {@code imported-jmh}...), committed. */
    long newRun(String status, String origin) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run (experiment, description, spec_snapshot,"
                + " status, created_at, machine_id, origin) VALUES ('bench', '', 'name: bench', ?, CURRENT_TIMESTAMP, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, status);
            insert.setLong(2, machineId);
            insert.setString(3, origin);
            insert.executeUpdate();
            long runId;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                runId = keys.getLong(1);
            }
            connection.commit();
            return runId;
        }
    }

    /** Drops everything the fork created. */
    @Override
    public void close() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute(kind.equals("h2") ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
        connection.close();
    }

    private static String resource(String name) {
        try (InputStream in = BenchmarkDatabase.class.getResourceAsStream(name)) {
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
