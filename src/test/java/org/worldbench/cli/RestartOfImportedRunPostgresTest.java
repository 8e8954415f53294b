package org.worldbench.cli;

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

/** Restart of an imported run on the postgres profile, in a schema of its own. */
@PostgresTest
class RestartOfImportedRunPostgresTest extends RestartOfImportedRunContract {

    private IsolatedDatabase database;

    @BeforeEach
    @Override
    void pointCommandsAtTheTestDatabase() {
        database = IsolatedDatabase.create(TestDatabase.POSTGRES);
        super.pointCommandsAtTheTestDatabase();
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
    String profile() {
        return "postgres";
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
