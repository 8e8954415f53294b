package org.worldbench.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.stereotype.Component;

/** What {@code worldbench db} prints: where the data lives and which migrations it has. */
@Component
public class DatabaseStatus {

    private final DataSource dataSource;
    private final Flyway flyway;

    DatabaseStatus(DataSource dataSource, Flyway flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            lines.add("url:      " + meta.getURL());
            lines.add("database: " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read database metadata: " + e.getMessage(), e);
        }
        MigrationInfo current = flyway.info().current();
        lines.add("schema:   " + (current == null ? "empty" : "version " + current.getVersion()
                + " (" + current.getDescription() + ")"));
        lines.add("pending:  " + flyway.info().pending().length + " migration(s)");
        return lines;
    }
}
