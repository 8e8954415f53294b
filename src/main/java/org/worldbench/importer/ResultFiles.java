package org.worldbench.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import tools.jackson.core.JsonToken;

/**
 * Reads a result file completely, in its format, checking everything before anything is stored:
 * what comes back is complete and consistent, and any problem is an
 * {@link InvalidResultFileException} with JSON path, line and column. Plain Java: no Spring, no
 * database.
 */
public final class ResultFiles {

    private final ImportLimits limits;
    private final Clock clock;

    public ResultFiles(ImportLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public ResultFiles() {
        this(ImportLimits.DEFAULT, Clock.systemUTC());
    }

    /**
     * @param format the file's format, or null to detect it: an array is JMH, an object whose first
     *               key is {@code context} or {@code benchmarks} is Google Benchmark, any other object BMF
     */
    public ImportedResults read(Path file, ResultFormat format) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InvalidResultFileException(name, "$", 0, 0, "no such file");
        } catch (IOException e) {
            throw new InvalidResultFileException(name, "$", 0, 0, "cannot read the file: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new InvalidResultFileException(name, "$", 0, 0, "a directory, not a result file");
        }
        if (size > limits.maxFileBytes()) {
            throw new InvalidResultFileException(name, "$", 0, 0, "the file has " + size + " bytes, more than the limit of "
                    + limits.maxFileBytes());
        }
        ResultFormat actual = format != null ? format : detect(file);
        Instant now = clock.instant();
        try (JsonCursor json = JsonCursor.open(name, open(file))) {
            return switch (actual) {
                case JMH -> JmhJsonReader.read(json, limits, now);
                case GBENCH -> GoogleBenchmarkReader.read(json, limits);
                case BMF -> BmfReader.read(json, limits, now);
            };
        }
    }

    /** The format from the first tokens alone. */
    public ResultFormat detect(Path file) {
        try (JsonCursor json = JsonCursor.open(file.toString(), open(file))) {
            if (json.token() == JsonToken.START_ARRAY) {
                return ResultFormat.JMH;
            }
            if (json.token() != JsonToken.START_OBJECT) {
                throw json.invalid("not a result file: expected an array (JMH) or an object (Google Benchmark, BMF), got "
                        + json.describe());
            }
            JsonToken first = json.next();
            if (first == JsonToken.PROPERTY_NAME) {
                String key = json.path();
                if (key.equals("$.context") || key.equals("$.benchmarks")) {
                    return ResultFormat.GBENCH;
                }
            }
            return ResultFormat.BMF;
        }
    }

    private static InputStream open(Path file) {
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new InvalidResultFileException(file.toString(), "$", 0, 0, "cannot read the file: " + e.getMessage());
        }
    }
}
