package org.worldbench.io;

/**
 * A URDF file that cannot be loaded: malformed XML, a missing or invalid attribute, or a model that
 * is inconsistent (unknown link, cycle, two roots, negative mass, …). The message names the file,
 * the line and the element.
 */
public final class UrdfException extends IllegalArgumentException {

    private final String source;
    private final int line;

    UrdfException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file name (or description) of the URDF. */
    public String source() {
        return source;
    }

    /** The 1-based line of the offending element, or 0 when no line applies. */
    public int line() {
        return line;
    }
}
