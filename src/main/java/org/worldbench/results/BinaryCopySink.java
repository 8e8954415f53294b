package org.worldbench.results;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}, sent in 64 KiB pieces. Each value goes
 * as the server stores it (an 8-byte IEEE double, microseconds since 2000 for a timestamp), so
 * neither side formats or parses text: for an import of 100,000 results that is 2.2 million doubles
 * and 200,000 timestamps the server no longer parses, and the client no longer prints.
 *
 * <p>The binary format has no conversions: an {@code int4} column takes exactly 4 bytes. The column
 * types are therefore read from the table when the sink opens, and a value of the wrong kind for its
 * column (text for a number, a long that does not fit an {@code integer}) fails here, naming the
 * column, rather than as a malformed row on the server. NULL fits every column.
 */
final class BinaryCopySink extends RowSink {

    private static final int FLUSH_BYTES = 64 * 1024;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's timestamps count from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /** The column types this sink writes, each with its binary representation. */
    enum ColumnType {
        INT2, INT4, INT8, FLOAT8, TEXT, TIMESTAMP, BOOL;

        /** The type for a JDBC type code, or null when the binary COPY does not write it. */
        static ColumnType of(int jdbcType) {
            return switch (jdbcType) {
                case Types.SMALLINT -> INT2;
                case Types.INTEGER -> INT4;
                case Types.BIGINT -> INT8;
                case Types.DOUBLE -> FLOAT8;
                case Types.VARCHAR -> TEXT;
                // with or without time zone, the binary value is microseconds since 2000 (UTC for timestamptz)
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
                case Types.BIT, Types.BOOLEAN -> BOOL;
                default -> null;
            };
        }
    }

    private final CopyIn copy;
    private final String table;
    private final List<String> columns;
    private final ColumnType[] types;
    private byte[] buffer = new byte[FLUSH_BYTES + 1024];
    private int size;
    private int column;

    BinaryCopySink(Connection connection, String table, List<String> columns) throws SQLException {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.types = columnTypes(connection, table, columns);
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        size = SIGNATURE.length;
        putInt(0); // flags: no OIDs
        putInt(0); // no header extension
    }

    /** The columns' types, from the result description of a query that reads no row. */
    private static ColumnType[] columnTypes(Connection connection, String table, List<String> columns) throws SQLException {
        try (Statement describe = connection.createStatement();
                ResultSet rs = describe.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            ColumnType[] types = new ColumnType[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = ColumnType.of(meta.getColumnType(i + 1));
                if (types[i] == null) {
                    throw new IllegalArgumentException("column " + table + "." + columns.get(i) + " has type "
                            + meta.getColumnTypeName(i + 1) + ", which the binary COPY does not write");
                }
            }
            return types;
        }
    }

    @Override
    RowSink integer(long value) {
        switch (next()) {
            case INT8 -> {
                putInt(8);
                putLong(value);
            }
            case INT4 -> {
                putInt(4);
                putInt(fitting(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
            }
            case INT2 -> {
                putInt(2);
                putShort(fitting(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint"));
            }
            default -> throw wrongKind("an integer");
        }
        return this;
    }

    @Override
    RowSink nullableInteger(Long value) {
        if (value == null) {
            next();
            putInt(-1);
            return this;
        }
        return integer(value);
    }

    @Override
    RowSink bool(boolean value) {
        if (next() != ColumnType.BOOL) {
            throw wrongKind("a boolean");
        }
        putInt(1);
        ensure(1);
        buffer[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    @Override
    RowSink text(String value) {
        ColumnType type = next();
        if (value == null) {
            putInt(-1);
            return this;
        }
        if (type != ColumnType.TEXT) {
            throw wrongKind("text");
        }
        int lengthAt = size;
        putInt(0); // the byte length, known once written
        ensure(value.length());
        int i = 0;
        while (i < value.length() && value.charAt(i) < 0x80) { // ASCII: one byte per char, no encoder
            buffer[size++] = (byte) value.charAt(i++);
        }
        if (i < value.length()) {
            byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
            ensure(rest.length);
            System.arraycopy(rest, 0, buffer, size, rest.length);
            size += rest.length;
        }
        INT.set(buffer, lengthAt, size - lengthAt - 4);
        return this;
    }

    @Override
    RowSink number(double value) {
        if (next() != ColumnType.FLOAT8) {
            throw wrongKind("a double");
        }
        if (Double.isNaN(value)) {
            putInt(-1);
        } else {
            putInt(8);
            putLong(Double.doubleToRawLongBits(value));
        }
        return this;
    }

    @Override
    RowSink timestamp(Instant value) {
        ColumnType type = next();
        if (value == null) {
            putInt(-1);
            return this;
        }
        if (type != ColumnType.TIMESTAMP) {
            throw wrongKind("a timestamp");
        }
        putInt(8);
        putLong(microsSincePostgresEpoch(value));
        return this;
    }

    /**
     * Microseconds since 2000-01-01 UTC, rounded to the nearest (ties to even) as PostgreSQL rounds
     * a timestamp written as text with more digits.
     */
    static long microsSincePostgresEpoch(Instant value) {
        long micros = (value.getNano() / 1000);
        int belowMicro = value.getNano() % 1000;
        if (belowMicro > 500 || (belowMicro == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L), micros);
    }

    @Override
    void endRow() throws SQLException {
        if (column != types.length) {
            throw new IllegalStateException("a row of " + column + " values for the " + types.length + " columns of "
                    + table + columns);
        }
        column = 0;
        if (size >= FLUSH_BYTES) {
            send();
        }
    }

    @Override
    void finish() throws SQLException {
        if (column != 0) {
            throw new IllegalStateException("the last row of " + table + " was not ended");
        }
        putShort(-1); // end of data
        send();
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy(); // an exception before finish(): the transaction rolls back anyway
        }
    }

    /** The type of the column the next value goes to; starts a row (its field count) at the first. */
    private ColumnType next() {
        if (column == types.length) {
            throw new IllegalStateException("more values than the " + types.length + " columns of " + table + columns
                    + " in one row");
        }
        if (column == 0) {
            putShort(types.length);
        }
        return types[column++];
    }

    private IllegalStateException wrongKind(String kind) {
        int at = column - 1;
        return new IllegalStateException(kind + " for " + table + "." + columns.get(at) + ", a column of type "
                + types[at].name().toLowerCase(Locale.ROOT));
    }

    private int fitting(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " does not fit " + table + "." + columns.get(column - 1) + ", an " + type);
        }
        return (int) value;
    }

    private void send() throws SQLException {
        copy.writeToCopy(buffer, 0, size);
        size = 0;
    }

    private void ensure(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }

    private void putShort(int value) {
        ensure(2);
        SHORT.set(buffer, size, (short) value);
        size += 2;
    }

    private void putInt(int value) {
        ensure(4);
        INT.set(buffer, size, value);
        size += 4;
    }

    private void putLong(long value) {
        ensure(8);
        LONG.set(buffer, size, value);
        size += 8;
    }
}
