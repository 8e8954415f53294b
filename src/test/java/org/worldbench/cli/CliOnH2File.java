package org.worldbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that type commands as a user does, in process, on the default profile: an H2
 * file in a folder of the test class's own ({@code worldbench.data-dir}), restored afterwards. The
 * test methods of a subclass share that database, in order.
 */
abstract class CliOnH2File {

    @TempDir
    static Path folder;

    private static String previousDataDir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void ownDataFolder() {
        previousDataDir = System.getProperty("worldbench.data-dir");
        System.setProperty("worldbench.data-dir", folder.resolve("data").toString());
    }

    @AfterAll
    static void restoreDataFolder() {
        if (previousDataDir == null) {
            System.clearProperty("worldbench.data-dir");
        } else {
            System.setProperty("worldbench.data-dir", previousDataDir);
        }
    }

    /** Runs one command line; its output lands in {@link #out} and {@link #err}. */
    int run(String... args) {
        var commandLine = WorldbenchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
