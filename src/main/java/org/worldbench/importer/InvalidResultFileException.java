package org.worldbench.importer;

/**
 * A result file that cannot be imported, with where the problem is: the JSON path of the offending
 * value (e.g. {@code $.benchmarks[3].real_time}) and its line and column in the file. Thrown before
 * anything is stored, so a rejected file leaves the database as it was.
 */
public final class InvalidResultFileException extends RuntimeException {

    private final String file;
    private final String jsonPath;
    private final int line;
    private final int column;
    private final String problem;

    public InvalidResultFileException(String file, String jsonPath, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + jsonPath + ": " + problem);
        this.file = file;
        this.jsonPath = jsonPath;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() { return file; }
    /** JSONPath of the offending value, {@code $} for the document itself. */
    public String jsonPath() { return jsonPath; }
    /** 1-based line, 0 when unknown. */
    public int line() { return line; }
    /** 1-based column, 0 when unknown. */
    public int column() { return column; }
    /** What is wrong, without the location. */
    public String problem() { return problem; }
}
