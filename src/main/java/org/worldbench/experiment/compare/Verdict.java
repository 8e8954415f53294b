package org.worldbench.experiment.compare;

/** The judgement on one benchmark metric of a run against its baseline. */
public enum Verdict {
    /** Better than the baseline by more than the threshold. */
    IMPROVED("improved"),
    /** Worse than the baseline by more than the threshold: a failing test case, exit code 1. */
    REGRESSED("regressed"),
    /** Within the threshold. */
    UNCHANGED("unchanged"),
    /** Cannot be judged: no baseline, no samples, non-finite scores; the reason says which. */
    INCONCLUSIVE("inconclusive");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** The stable code stored in the database; renaming a constant must not change it. */
    public String code() {
        return code;
    }

    public static Verdict ofCode(String code) {
        for (Verdict v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict code '" + code + "'");
    }
}
