package org.worldbench.importer;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * A forward-only walk over a JSON document with Jackson's streaming parser (the document is never
 * held as a tree, so a file of any size costs memory only for what is kept from it). Every problem,
 * Jackson's own (truncated file, bad syntax, duplicate key) or a reader's (wrong type, missing field),
 * becomes an {@link InvalidResultFileException} naming the JSON path, line and column.
 *
 * <p>Non-finite numbers are accepted both as JMH writes them (strings {@code "NaN"}, {@code "+INF"},
 * {@code "-INF"}) and as Google Benchmark does (bare {@code NaN}, {@code Infinity}).
 */
final class JsonCursor implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Deep nesting is never a result file; the cap keeps a hostile file from exhausting the stack.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(400)
                    .maxStringLength(1_000_000).maxNameLength(10_000).build())
            .build();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final JsonParser parser;

    private JsonCursor(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Opens {@code in} (closed with the cursor) and moves to the first token; {@code file} names it in messages. */
    static JsonCursor open(String file, InputStream in) {
        JsonCursor cursor;
        try {
            cursor = new JsonCursor(file, FACTORY.createParser(ObjectReadContext.empty(), in));
        } catch (JacksonException e) {
            throw new InvalidResultFileException(file, "$", 0, 0, "cannot read the file: " + e.getOriginalMessage());
        }
        if (cursor.next() == null) {
            throw cursor.invalid("the file is empty: expected a JSON document");
        }
        return cursor;
    }

    String file() {
        return file;
    }

    /** Moves to the next token (null at the end of the input). */
    JsonToken next() {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    JsonToken token() {
        return parser.currentToken();
    }

    /** After the document's value: anything but the end of input is a problem. */
    void expectEnd() {
        JsonToken after = next();
        if (after != null) {
            throw invalid("unexpected " + describe() + " after the end of the document");
        }
    }

    /**
     * Calls {@code field} with each property name of the object the cursor is on, positioned on the
     * property's value; {@code field} must consume the value (read it, or {@link #skip()} it).
     */
    void fields(String what, Consumer<String> field) {
        expect(JsonToken.START_OBJECT, what);
        while (next() != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            if (next() == null) {
                throw invalid("the file ends inside an object");
            }
            field.accept(name);
        }
    }

    /** Calls {@code element} with the cursor on each element of the array it is on; each call consumes one. */
    void elements(String what, Runnable element) {
        expect(JsonToken.START_ARRAY, what);
        while (next() != JsonToken.END_ARRAY) {
            if (token() == null) {
                throw invalid("the file ends inside an array");
            }
            element.run();
        }
    }

    /** Skips the current value, with everything nested in it. */
    void skip() {
        try {
            parser.skipChildren();
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    void expect(JsonToken wanted, String what) {
        if (token() != wanted) {
            throw invalid("expected " + what + ", got " + describe());
        }
    }

    String text() {
        if (token() != JsonToken.VALUE_STRING) {
            throw invalid("expected text, got " + describe());
        }
        return parser.getString();
    }

    /** A number; non-finite values may be written as text: "NaN", "+INF", "-INF", "Infinity", "-Infinity". */
    double number() {
        JsonToken t = token();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                return parser.getDoubleValue();
            } catch (JacksonException e) {
                throw translate(e);
            }
        }
        if (t == JsonToken.VALUE_STRING) {
            switch (parser.getString()) {
                case "NaN", "nan", "-NaN" -> { return Double.NaN; }
                case "+INF", "INF", "Infinity", "+Infinity", "inf", "+inf" -> { return Double.POSITIVE_INFINITY; }
                case "-INF", "-Infinity", "-inf" -> { return Double.NEGATIVE_INFINITY; }
                default -> { }
            }
        }
        throw invalid("expected a number, got " + describe());
    }

    /** A finite number. */
    double finiteNumber() {
        double value = number();
        if (!Double.isFinite(value)) {
            throw invalid("expected a finite number, got " + value);
        }
        return value;
    }

    /** A whole number between {@code min} and {@code max}. */
    long integer(long min, long max) {
        if (token() != JsonToken.VALUE_NUMBER_INT) {
            throw invalid("expected an integer, got " + describe());
        }
        long value;
        try {
            value = parser.getLongValue();
        } catch (JacksonException e) {
            throw invalid("expected an integer between " + min + " and " + max + ", got " + parser.getString());
        }
        if (value < min || value > max) {
            throw invalid("expected an integer between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    boolean bool() {
        if (token() != JsonToken.VALUE_TRUE && token() != JsonToken.VALUE_FALSE) {
            throw invalid("expected true or false, got " + describe());
        }
        return token() == JsonToken.VALUE_TRUE;
    }

    /** The JSONPath of the current value: {@code $.benchmarks[3].real_time}. */
    String path() {
        Deque<String> parts = new ArrayDeque<>();
        TokenStreamContext context = parser.streamReadContext();
        // On a container's first token, the parser is already inside the new container: its own
        // position is the one of the enclosing context.
        if (context != null && (token() == JsonToken.START_OBJECT || token() == JsonToken.START_ARRAY)) {
            context = context.getParent();
        }
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                if (context.getCurrentIndex() >= 0) {
                    parts.push("[" + context.getCurrentIndex() + "]");
                }
            } else if (context.currentName() != null) {
                String name = context.currentName();
                parts.push(PLAIN_NAME.matcher(name).matches() ? "." + name
                        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']");
            }
        }
        return "$" + String.join("", parts);
    }

    /** A problem at the current value. */
    InvalidResultFileException invalid(String problem) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new InvalidResultFileException(file, path(), Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), problem);
    }

    /** A problem at a value read earlier, whose path and position the reader remembered. */
    InvalidResultFileException invalidAt(Position position, String problem) {
        return new InvalidResultFileException(file, position.path(), position.line(), position.column(), problem);
    }

    /** Where the current value is, to report a problem found only later (a duplicate, a missing field). */
    Position position() {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new Position(path(), Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
    }

    record Position(String path, int line, int column) {
        Position child(String name) {
            return new Position(path + (PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name + "']"), line, column);
        }
    }

    private InvalidResultFileException translate(JacksonException e) {
        TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (message.contains("end-of-input")) {
            message = "the file ends too early (truncated?): " + message;
        }
        return new InvalidResultFileException(file, path(), Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()),
                "not valid JSON: " + message.lines().findFirst().orElse(message));
    }

    String describe() {
        JsonToken t = token();
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "text '" + abbreviate(parser.getString()) + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case PROPERTY_NAME -> "the property '" + parser.currentName() + "'";
            default -> t.toString();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public void close() {
        parser.close();
    }
}
