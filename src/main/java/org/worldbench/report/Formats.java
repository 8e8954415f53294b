package org.worldbench.report;

import java.util.Locale;

import org.worldbench.analysis.Verdict;

/** Number and text formatting shared by the report writers. */
final class Formats {

    private Formats() {
    }

    /** Four significant digits, plain notation, "–" for NaN. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+.2f%%", value);
    }

    static String verdict(Verdict verdict) {
        return verdict == null ? "not compared" : verdict.code();
    }

    /** A number for machine-readable formats: shortest round-trip form, empty for NaN. */
    static String exact(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
