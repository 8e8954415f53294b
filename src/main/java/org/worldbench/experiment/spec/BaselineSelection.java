package org.worldbench.experiment.spec;

/**
 * Which earlier run(s) a new run is compared with. Only runs on the same machine fingerprint are
 * compared unless {@code allowOtherMachine} forces it (then every verdict and the report say so).
 *
 * @param mode              how the baseline is chosen
 * @param name              the baseline's name when {@code mode} is {@link Mode#NAMED}, otherwise null
 * @param runs              how many runs a {@link Mode#ROLLING} baseline pools (k), otherwise 0
 * @param allowOtherMachine compare with a baseline measured on another machine instead of refusing
 *                          ({@code baseline.allow-other-machine: true} or {@code worldbench run --force-machine})
 */
public record BaselineSelection(Mode mode, String name, int runs, boolean allowOtherMachine) {

    public enum Mode {
        /** The baseline promoted under {@code name} with {@code worldbench baseline set}. */
        NAMED,
        /** The latest completed run of the same experiment on the same machine and git branch. */
        LATEST,
        /** The pooled samples of the last {@code runs} completed runs of the same experiment, machine and branch. */
        ROLLING,
        /** No comparison: the run is only measured and stored. */
        NONE
    }

    /** Runs a rolling baseline pools when the spec does not say. */
    public static final int DEFAULT_ROLLING_RUNS = 5;
    public static final int MAX_ROLLING_RUNS = 100;

    public static final BaselineSelection DEFAULT = new BaselineSelection(Mode.LATEST, null);

    public BaselineSelection(Mode mode, String name) {
        this(mode, name, mode == Mode.ROLLING ? DEFAULT_ROLLING_RUNS : 0, false);
    }

    public static BaselineSelection rolling(int runs) {
        return new BaselineSelection(Mode.ROLLING, null, runs, false);
    }

    public BaselineSelection allowingOtherMachine() {
        return new BaselineSelection(mode, name, runs, true);
    }

    public String describe() {
        String base = switch (mode) {
            case NAMED -> "baseline '" + name + "'";
            case LATEST -> "latest run of the same experiment on this machine and branch";
            case ROLLING -> "pooled samples of the last " + runs + " runs of the same experiment on this machine and branch";
            case NONE -> "none";
        };
        return base + (allowOtherMachine && mode != Mode.NONE ? " (another machine allowed)" : "");
    }
}
