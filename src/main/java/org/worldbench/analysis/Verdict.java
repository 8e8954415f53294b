package org.worldbench.analysis;

/**
 * The outcome of one comparison. Codes are stable lower-case words: they are what the database
 * stores and what reports print, so renaming a constant must not change them.
 */
public enum Verdict {
    /** Better by at least the minimum effect, significantly. */
    IMPROVED("improved"),
    /** Worse by at least the minimum effect, significantly: a failing test case, exit code 1. */
    REGRESSED("regressed"),
    /** No significant change beyond the minimum effect. */
    UNCHANGED("unchanged"),
    /** The data cannot decide: too few or broken samples, no baseline, another machine, or an interval that straddles the minimum effect. */
    INCONCLUSIVE("inconclusive");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Verdict ofCode(String code) {
        for (Verdict v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict code '" + code + "' (improved, regressed, unchanged, inconclusive)");
    }

    /** True for the verdicts that claim a change. */
    public boolean isChange() {
        return this == IMPROVED || this == REGRESSED;
    }
}
