package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Kill and restart on the default profile: an H2 database file, shared with the test through AUTO_SERVER. */
class KillAndRestartH2Test extends KillAndRestartContract {

    @Override
    List<String> profileArguments() {
        return List.of();
    }

    @Override
    List<String> jvmArguments(Path folder) {
        return List.of("-Dworldbench.data-dir=" + folder.resolve("data"));
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }

    @Override
    Map<String, String> systemProperties(Path folder) {
        return Map.of("worldbench.data-dir", folder.resolve("data").toString());
    }

    @Override
    Connection connect(Path folder) throws SQLException {
        // IFEXISTS: never create the file before the application does (it would then own the server).
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data").resolve("worldbench")
                + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", "sa", "");
    }
}
