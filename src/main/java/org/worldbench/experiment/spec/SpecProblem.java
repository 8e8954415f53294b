package org.worldbench.experiment.spec;

/**
 * One thing wrong with a spec, said so the user can jump to it: file, line, key path, message.
 *
 * @param file    the file name as the user gave it (a spec or the suite file it names)
 * @param line    1-based line of the offending key or value; 0 when the problem has no line
 * @param key     dotted key path, e.g. {@code jmh.forks} or {@code matrix.size[1]}; empty for the document
 * @param message what is wrong and, where possible, what would be right
 */
public record SpecProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
