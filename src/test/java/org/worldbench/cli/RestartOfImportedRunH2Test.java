package org.worldbench.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Restart of an imported run on the default profile: an H2 database file in the test's folder. */
class RestartOfImportedRunH2Test extends RestartOfImportedRunContract {

    @Override
    List<String> profileArguments() {
        return List.of();
    }

    @Override
    String profile() {
        return null;
    }

    @Override
    Map<String, String> systemProperties(Path folder) {
        return Map.of("worldbench.data-dir", folder.resolve("data").toString());
    }

    @Override
    Connection connect(Path folder) throws SQLException {
        // AUTO_SERVER as the application opens it; IFEXISTS: the application has created it by now.
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data").resolve("worldbench")
                + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", "sa", "");
    }
}
