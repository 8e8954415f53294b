package org.worldbench.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The platform starts on each database, Flyway brings it to the newest schema, and status says so. */
@SpringBootTest
abstract class DatabaseStatusContract {

    @Autowired
    DatabaseStatus status;

    @Value("${worldbench.test.database}")
    String database;

    @Test
    void platform_migrates_an_empty_database_and_reports_it() {
        var lines = status.describe();

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("schema:   version "));
        assertThat(lines).contains("pending:  0 migration(s)");
        String expectedProduct = database.equals("H2") ? "H2" : "PostgreSQL";
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("database: " + expectedProduct));
    }
}
