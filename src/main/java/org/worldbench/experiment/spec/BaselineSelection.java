package org.worldbench.experiment.spec;

/**
 * Which earlier run a new run is compared with. Whatever the mode, only runs on the same machine
 * fingerprint qualify: results from different machines are never compared silently.
 *
 * @param mode how the baseline is chosen
 * @param name the baseline's name when {@code mode} is {@link Mode#NAMED}, otherwise null
 */
public record BaselineSelection(Mode mode, String name) {

    public enum Mode {
        /** The baseline promoted under {@code name} with {@code worldbench baseline set}. */
        NAMED,
        /** The latest completed run of the same experiment on the same machine and git branch. */
        LATEST,
        /** No comparison: the run is only measured and stored. */
        NONE
    }

    public static final BaselineSelection DEFAULT = new BaselineSelection(Mode.LATEST, null);

    public String describe() {
        return switch (mode) {
            case NAMED -> "baseline '" + name + "'";
            case LATEST -> "latest run of the same experiment on this machine and branch";
            case NONE -> "none";
        };
    }
}
