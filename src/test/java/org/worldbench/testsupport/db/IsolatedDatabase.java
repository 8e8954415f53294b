package org.worldbench.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An empty database nobody else sees: a fresh in-memory H2 database, or a fresh schema in the
 * PostgreSQL test database. Closing it drops the schema. Use it directly in plain JDBC tests;
 * Spring tests get one through {@link PostgresTest} / {@link H2Test}.
 */
public final class IsolatedDatabase implements AutoCloseable {

    private static final String PREFIX = "wbt_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final TestDatabase kind;
    private final String name;
    private final String url;

    private IsolatedDatabase(TestDatabase kind, String name, String url) {
        this.kind = kind;
        this.name = name;
        this.url = url;
    }

    public static IsolatedDatabase create(TestDatabase kind) {
        String name = PREFIX + LocalDateTime.now().format(STAMP) + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return switch (kind) {
            case H2 -> new IsolatedDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            case POSTGRES -> {
                try (Connection c = PostgresServer.connect(); Statement s = c.createStatement()) {
                    dropStaleSchemas(c);
                    s.execute("CREATE SCHEMA " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test schema " + name + " at " + PostgresServer.URL, e);
                }
                String separator = PostgresServer.URL.contains("?") ? "&" : "?";
                yield new IsolatedDatabase(kind, name, PostgresServer.URL + separator + "currentSchema=" + name);
            }
        };
    }

    public TestDatabase kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return kind == TestDatabase.POSTGRES ? PostgresServer.USER : "sa";
    }

    public String password() {
        return kind == TestDatabase.POSTGRES ? PostgresServer.PASSWORD : "";
    }

    /** The schema (PostgreSQL) or database (H2) name. */
    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    @Override
    public void close() {
        String drop = kind == TestDatabase.POSTGRES ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "SHUTDOWN";
        try (Connection c = kind == TestDatabase.POSTGRES ? PostgresServer.connect() : connect();
                Statement s = c.createStatement()) {
            s.execute(drop);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    /** Schemas left by a test JVM that was killed are removed after a day. */
    private static void dropStaleSchemas(Connection c) throws SQLException {
        String cutoff = PREFIX + LocalDateTime.now().minusDays(1).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                if (rs.getString(1).compareTo(cutoff) < 0) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String schema : stale) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
