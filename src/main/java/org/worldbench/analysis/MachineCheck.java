package org.worldbench.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the baseline was measured on the machine the trial ran on. Results from different machines
 * (CPU, cores, memory, OS, JVM: the fingerprint) are never compared silently: a mismatch makes every
 * verdict INCONCLUSIVE unless the user forced the comparison, and then every reason says so.
 *
 * @param trialFingerprint    the trial run's machine fingerprint
 * @param baselineFingerprint the baseline's, empty when unknown (an imported file without one)
 * @param forced              the user asked to compare across machines anyway
 */
public record MachineCheck(String trialFingerprint, Optional<String> baselineFingerprint, boolean forced) {

    public enum Status {
        /** Same fingerprint. */
        SAME_MACHINE,
        /** Different or unknown fingerprint, comparison forced by the user. */
        FORCED,
        /** Different or unknown fingerprint: no verdict. */
        REFUSED
    }

    public MachineCheck {
        Objects.requireNonNull(trialFingerprint, "trialFingerprint");
        Objects.requireNonNull(baselineFingerprint, "baselineFingerprint: pass Optional.empty() when unknown");
    }

    public static MachineCheck sameMachine(String fingerprint) {
        return new MachineCheck(fingerprint, Optional.of(fingerprint), false);
    }

    public static MachineCheck of(String trialFingerprint, String baselineFingerprint, boolean forced) {
        return new MachineCheck(trialFingerprint, Optional.ofNullable(baselineFingerprint), forced);
    }

    public Status status() {
        if (baselineFingerprint.filter(trialFingerprint::equals).isPresent()) {
            return Status.SAME_MACHINE;
        }
        return forced ? Status.FORCED : Status.REFUSED;
    }

    /** One sentence for a verdict's reason; empty on the same machine. */
    String describe() {
        String baseline = baselineFingerprint.map(fp -> "machine " + fp).orElse("an unknown machine");
        return switch (status()) {
            case SAME_MACHINE -> "";
            case FORCED -> "compared across machines because it was forced (trial on " + trialFingerprint
                    + ", baseline on " + baseline + ")";
            case REFUSED -> "baseline was measured on " + baseline + ", the trial on " + trialFingerprint
                    + ": refusing to compare different machines (force it to compare anyway)";
        };
    }
}
