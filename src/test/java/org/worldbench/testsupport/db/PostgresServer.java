package org.worldbench.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The PostgreSQL server the tests use: {@code WORLDBENCH_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code WORLDBENCH_TEST_PG_USER}
 * (default {@code postgres}), password {@code WORLDBENCH_TEST_PG_PASSWORD} (default empty).
 */
public final class PostgresServer {

    public static final String URL = env("WORLDBENCH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("WORLDBENCH_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("WORLDBENCH_TEST_PG_PASSWORD", "");

    private static volatile Optional<String> unavailableReason;

    private PostgresServer() {
    }

    /** Empty when the server answers; otherwise why not (checked once per JVM). */
    public static Optional<String> unavailableReason() {
        Optional<String> reason = unavailableReason;
        if (reason == null) {
            reason = probe();
            unavailableReason = reason;
        }
        return reason;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static Optional<String> probe() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = connect()) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("PostgreSQL does not answer at " + URL + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "); start it or set WORLDBENCH_TEST_PG_URL");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
