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

    /**
     * Each foreign key's lookups (its checks, and the queries that join along it) have an index that
     * leads with its columns, and the tables a bulk import writes carry no index that a longer one with
     * the same leading columns makes redundant (but for a key's own index, which H2 insists on): every
     * index there costs every row of an import.
     */
    @Test
    void every_foreign_key_has_an_index_and_the_tables_an_import_writes_no_redundant_one() throws SQLException {
        for (TestDatabase kind : List.of(TestDatabase.H2, TestDatabase.POSTGRES)) {
            try (IsolatedDatabase database = IsolatedDatabase.create(kind)) {
                migrate(database);
                try (Connection c = database.connect()) {
                    DatabaseMetaData meta = c.getMetaData();
                    String schema = kind == TestDatabase.POSTGRES ? database.name() : "PUBLIC";
                    for (String table : describe(database).keySet()) {
                        String name = kind == TestDatabase.POSTGRES ? table : table.toUpperCase(Locale.ROOT);
                        List<List<String>> indexes = indexColumns(meta, schema, name);
                        Map<String, List<String>> foreignKeys = foreignKeyColumns(meta, schema, name);
                        foreignKeys.forEach((key, columns) -> assertThat(indexes)
                                .as("%s on %s: an index leading with the columns of %s %s", kind, table, key, columns)
                                .anyMatch(index -> index.size() >= columns.size()
                                        && new TreeSet<>(index.subList(0, columns.size())).equals(new TreeSet<>(columns))));
                        if (List.of("trial", "trial_metric", "sample").contains(table)) {
                            // H2 gives a foreign key an index of exactly its columns, even where a longer one leads with them
                            for (List<String> shorter : indexes.stream().filter(i -> !foreignKeys.containsValue(i)).toList()) {
                                assertThat(indexes).as("%s on %s: no other index starts with %s", kind, table, shorter)
                                        .filteredOn(index -> index.size() >= shorter.size()
                                                && index.subList(0, shorter.size()).equals(shorter)).hasSize(1);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Each index's columns in key order. */
    private static List<List<String>> indexColumns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, TreeMap<Short, String>> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return indexes.values().stream().map(columns -> List.copyOf(columns.values())).toList();
    }

    /** Foreign key name → its columns in key order. */
    private static Map<String, List<String>> foreignKeyColumns(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Short, String>> keys = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString("FK_NAME").toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                        .put(rs.getShort("KEY_SEQ"), rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<String>> columns = new TreeMap<>();
        keys.forEach((key, byPosition) -> columns.put(key, List.copyOf(byPosition.values())));
        return columns;
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
