package org.worldbench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.worldbench.testsupport.db.IsolatedDatabase;
import org.worldbench.testsupport.db.PostgresTest;
import org.worldbench.testsupport.db.TestDatabase;

/**
 * Every migration in db/migration runs unchanged on an empty H2 and an empty PostgreSQL database,
 * and both end with the same tables, columns (type family, nullability), primary keys and indexes.
 */
@PostgresTest
class MigrationsOnH2AndPostgresTest {

    @Test
    void all_migrations_give_the_same_schema_on_h2_and_postgres() throws SQLException {
        try (IsolatedDatabase h2 = IsolatedDatabase.create(TestDatabase.H2);
                IsolatedDatabase postgres = IsolatedDatabase.create(TestDatabase.POSTGRES)) {
            int appliedOnH2 = migrate(h2);
            int appliedOnPostgres = migrate(postgres);

            Map<String, List<String>> h2Schema = describe(h2);
            Map<String, List<String>> postgresSchema = describe(postgres);

            assertThat(appliedOnH2).isPositive().isEqualTo(appliedOnPostgres);
            assertThat(h2Schema).containsKeys("batch_job_instance", "batch_step_execution");
            assertThat(postgresSchema).isEqualTo(h2Schema);
        }
    }

    private static int migrate(IsolatedDatabase database) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** table → sorted lines for its columns, primary key and indexes, independent of naming quirks. */
    private static Map<String, List<String>> describe(IsolatedDatabase database) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = database.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = database.kind() == TestDatabase.POSTGRES ? database.name() : "PUBLIC";
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                        tables.put(table.toLowerCase(Locale.ROOT), describeTable(meta, schema, table));
                    }
                }
            }
        }
        return tables;
    }

    private static List<String> describeTable(DatabaseMetaData meta, String schema, String table) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                lines.add("column " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                        + typeFamily(rs.getInt("DATA_TYPE")) + (rs.getInt("NULLABLE") == 0 ? " not null" : ""));
            }
        }
        List<String> primaryKey = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                primaryKey.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        lines.add("primary key " + new TreeSet<>(primaryKey));
        // Index names differ between the databases for constraint indexes, so compare column lists.
        Map<String, List<String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null) {
                    continue;
                }
                indexes.computeIfAbsent(index, k -> new ArrayList<>())
                        .add(rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                unique.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        indexes.forEach((name, columns) -> {
            columns.sort(null);
            List<String> ordered = columns.stream().map(col -> col.substring(col.indexOf(':') + 1)).toList();
            // Drivers list primary-key columns in different orders (H2 by name, PostgreSQL by key position).
            if (!new TreeSet<>(ordered).equals(new TreeSet<>(primaryKey)) || !unique.get(name)) {
                lines.add((unique.get(name) ? "unique index " : "index ") + ordered);
            }
        });
        return List.copyOf(lines);
    }

    /** Coarse JDBC type families: both databases report e.g. BOOLEAN and TEXT under different codes. */
    private static String typeFamily(int jdbcType) {
        return switch (jdbcType) {
            case Types.BIGINT -> "bigint";
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double";
            case Types.NUMERIC, Types.DECIMAL -> "numeric";
            case Types.CHAR, Types.NCHAR -> "char";
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCLOB -> "text";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> "jdbc-type-" + jdbcType;
        };
    }
}
