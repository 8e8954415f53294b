package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.worldbench.testsupport.db.IsolatedDatabase;
import org.worldbench.testsupport.db.PostgresTest;
import org.worldbench.testsupport.db.TestDatabase;

/** Kill and restart on the postgres profile, in a schema of its own. */
@PostgresTest
class KillAndRestartPostgresTest extends KillAndRestartContract {

    private IsolatedDatabase database;

    @BeforeEach
    void createSchema() {
        database = IsolatedDatabase.create(TestDatabase.POSTGRES);
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Override
    List<String> profileArguments() {
        return List.of("--profile", "postgres");
    }

    @Override
    List<String> jvmArguments(Path folder) {
        return List.of();
    }

    @Override
    Map<String, String> environment() {
        return Map.of("WORLDBENCH_DB_URL", database.url(), "WORLDBENCH_DB_USER", database.user(),
                "WORLDBENCH_DB_PASSWORD", database.password());
    }

    @Override
    Map<String, String> systemProperties(Path folder) {
        return Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password());
    }

    @Override
    Connection connect(Path folder) throws SQLException {
        return database.connect();
    }
}
