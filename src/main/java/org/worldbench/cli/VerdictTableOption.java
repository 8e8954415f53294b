package org.worldbench.cli;

import picocli.CommandLine.Option;

/** {@code --all}, shared by the commands that print a verdict table. */
final class VerdictTableOption {

    @Option(names = "--all", description = "List every benchmark in the verdict table. A table of more than "
            + VerdictTable.FULL_TABLE_ROWS + " rows otherwise lists the regressed, failed, inconclusive and improved ones "
            + "and counts the rest.")
    private boolean all;

    boolean all() {
        return all;
    }
}
