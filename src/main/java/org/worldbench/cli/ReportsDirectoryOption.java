package org.worldbench.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --reports-dir DIR}, shared by the commands that write reports. */
final class ReportsDirectoryOption {

    @Option(names = "--reports-dir", paramLabel = "DIR", description = "Where reports are written (default: ./reports).")
    private Path reportsDirectory;

    /** The Spring property that carries it, or nothing for the default. */
    Map<String, Object> properties() {
        return reportsDirectory == null ? Map.of() : Map.of("worldbench.reports-dir", reportsDirectory.toString());
    }
}
