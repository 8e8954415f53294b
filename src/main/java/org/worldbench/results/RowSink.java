package org.worldbench.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows for one table, written column by column and ended with {@link #endRow()}: PostgreSQL's
 * binary {@code COPY ... FROM STDIN} ({@link BinaryCopySink}) when the connection is pgjdbc's, JDBC
 * batches otherwise (H2). The same writing code then serves both databases, and both join the
 * caller's transaction, so a failure later in the import still rolls everything back.
 *
 * <p>Why COPY: a bulk import writes hundreds of thousands of rows; COPY streams them as one
 * statement, where batched INSERTs (even rewritten into multi-row INSERTs) are parsed, planned and
 * acknowledged in chunks. NaN is stored as NULL on both paths (an aggregate that does not exist).
 */
abstract sealed class RowSink implements AutoCloseable permits BinaryCopySink, RowSink.Batch {

    /** Rows for {@code table(columns...)}, by the fastest path the connection offers. */
    static RowSink open(Connection connection, String table, List<String> columns) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return new BinaryCopySink(connection, table, columns);
        }
        return new Batch(connection, table, columns);
    }

    /**
     * After a bulk write on PostgreSQL, refreshes the planner's statistics of the tables written, in
     * the writing transaction (so they commit or roll back with the rows). Without them the planner
     * takes a run of 100,000 new trials for a handful and picks nested loops that the compare and
     * report steps' queries then pay for with minutes (measured at 100,000 results). Not yet guarded by
     * a test: {@code BenchmarkHistoryPostgresTest} counts the rows the history query reads at 1,000 and
     * 2,000 trials, and at that size it stays linear with and without this ANALYZE (checked by
     * removing the call). H2 keeps its own statistics up to date.
     */
    static void refreshStatistics(Connection connection, List<String> tables) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE " + String.join(", ", tables));
            }
        }
    }

    abstract RowSink integer(long value) throws SQLException;

    /** An integer, or NULL. */
    abstract RowSink nullableInteger(Long value) throws SQLException;

    abstract RowSink bool(boolean value) throws SQLException;

    abstract RowSink text(String value) throws SQLException;

    /** A double, or NULL when NaN. */
    abstract RowSink number(double value) throws SQLException;

    /** A timestamp with time zone, or NULL. */
    abstract RowSink timestamp(Instant value) throws SQLException;

    abstract void endRow() throws SQLException;

    /** Sends the remaining rows. */
    abstract void finish() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** Any other database: a prepared INSERT, executed every {@link ResultBatchWriter#BATCH} rows. */
    static final class Batch extends RowSink {
        private final PreparedStatement insert;
        private int column = 1;
        private int pending;

        Batch(Connection connection, String table, List<String> columns) throws SQLException {
            insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
        }

        @Override
        RowSink integer(long value) throws SQLException {
            insert.setLong(column++, value);
            return this;
        }

        @Override
        RowSink nullableInteger(Long value) throws SQLException {
            if (value == null) {
                insert.setNull(column++, Types.BIGINT);
            } else {
                insert.setLong(column++, value);
            }
            return this;
        }

        @Override
        RowSink bool(boolean value) throws SQLException {
            insert.setBoolean(column++, value);
            return this;
        }

        @Override
        RowSink text(String value) throws SQLException {
            insert.setString(column++, value);
            return this;
        }

        @Override
        RowSink number(double value) throws SQLException {
            if (Double.isNaN(value)) {
                insert.setNull(column++, Types.DOUBLE);
            } else {
                insert.setDouble(column++, value);
            }
            return this;
        }

        @Override
        RowSink timestamp(Instant value) throws SQLException {
            insert.setObject(column++, ResultBatchWriter.utc(value));
            return this;
        }

        @Override
        void endRow() throws SQLException {
            insert.addBatch();
            column = 1;
            if (++pending == ResultBatchWriter.BATCH) {
                executeBatch();
            }
        }

        private void executeBatch() throws SQLException {
            insert.executeBatch();
            pending = 0;
        }

        @Override
        void finish() throws SQLException {
            if (pending > 0) {
                executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
