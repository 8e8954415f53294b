package org.worldbench.cli;

/** Process exit codes of the {@code worldbench} command; CI systems branch on them. */
public final class ExitCode {

    /** Success, and no regression was found. */
    public static final int OK = 0;
    /** The command ran, and at least one benchmark regressed against its baseline. */
    public static final int REGRESSION = 1;
    /** Invalid input (unknown command or flag, a malformed spec or file) or a failure. */
    public static final int INVALID_OR_FAILED = 2;

    private ExitCode() {
    }
}
