package org.worldbench.analysis;

/** The outcome of one comparison. Codes are stable: they are what the database stores. */
public enum Verdict {
    /** Better by at least the minimum effect, significantly. */
    IMPROVED(1),
    /** Worse by at least the minimum effect, significantly. */
    REGRESSED(2),
    /** The whole confidence interval lies within ± the minimum effect. */
    UNCHANGED(3),
    /** The data cannot decide: too few or broken samples, no baseline, another machine, or an interval that straddles the minimum effect. */
    INCONCLUSIVE(4);

    private final int code;

    Verdict(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Verdict ofCode(int code) {
        for (Verdict v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict has code " + code + " (1..4)");
    }

    /** True for the verdicts that claim a change. */
    public boolean isChange() {
        return this == IMPROVED || this == REGRESSED;
    }
}
