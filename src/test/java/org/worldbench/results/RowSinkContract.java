package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RowSink} on a real database (binary COPY on PostgreSQL, batches on H2): every kind of value,
 * at its extremes, and NULL in every column, comes back as written; both paths store the same.
 */
@SpringBootTest
abstract class RowSinkContract {

    static final List<String> COLUMNS = List.of("small", "medium", "large", "ratio", "label", "stamp", "flag");

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;

    /** A connection's work inside a transaction, on the connection the transaction holds. */
    interface Rows {
        void write(Connection connection) throws SQLException;
    }

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE row_sink_probe (id INTEGER NOT NULL, small SMALLINT, medium INTEGER, large BIGINT,"
                + " ratio DOUBLE PRECISION, label VARCHAR(20), stamp TIMESTAMP WITH TIME ZONE, flag BOOLEAN)");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE row_sink_probe");
    }

    @Test
    void every_kind_of_value_comes_back_as_written_at_its_extremes() {
        write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                rows.integer(1).integer(Short.MIN_VALUE).integer(Integer.MAX_VALUE).integer(Long.MIN_VALUE)
                        .number(Double.MIN_VALUE).text("ascii, \"quoted\"\nline").timestamp(Instant.parse("1999-12-31T23:59:59Z"))
                        .bool(true).endRow();
                rows.integer(2).integer(Short.MAX_VALUE).integer(Integer.MIN_VALUE).integer(Long.MAX_VALUE)
                        .number(Double.NEGATIVE_INFINITY).text("wörld ✓ \uD83D\uDE00").timestamp(Instant.parse("2026-11-25T04:10:00Z"))
                        .bool(false).endRow();
                rows.integer(3).integer(0).integer(-1).integer(0).number(-1.0e300).text("")
                        .timestamp(Instant.parse("2026-11-25T04:10:00.123456789Z")).bool(true).endRow();
                rows.finish();
            }
        });

        List<Map<String, Object>> stored = jdbc.queryForList("SELECT * FROM row_sink_probe ORDER BY id");

        assertThat(stored).hasSize(3);
        assertRow(stored.get(0), Short.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Double.MIN_VALUE, "ascii, \"quoted\"\nline",
                Instant.parse("1999-12-31T23:59:59Z"), true);
        assertRow(stored.get(1), Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Double.NEGATIVE_INFINITY,
                "wörld ✓ \uD83D\uDE00", Instant.parse("2026-11-25T04:10:00Z"), false);
        assertRow(stored.get(2), 0, -1, 0, -1.0e300, "", Instant.parse("2026-11-25T04:10:00.123457Z"), true);
    }

    @Test
    void null_fits_every_column_and_nan_is_stored_as_null() {
        write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                rows.integer(1).text(null).nullableInteger(null).nullableInteger(null).number(Double.NaN).text(null)
                        .timestamp(null).text(null).endRow();
                rows.finish();
            }
        });

        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM row_sink_probe");

        assertThat(stored).containsEntry("id", 1);
        COLUMNS.forEach(column -> assertThat(stored.get(column)).as(column).isNull());
    }

    @Test
    void many_rows_arrive_whole_across_the_pieces_they_are_sent_in() {
        int count = 20_000; // about 1 MB: many 64 KiB pieces
        write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                for (int i = 0; i < count; i++) {
                    rows.integer(i).integer(i % 1000).integer(i).integer((long) i * i).number(i / 7.0).text("row " + i)
                            .timestamp(Instant.ofEpochSecond(1_700_000_000L + i)).bool(i % 2 == 0).endRow();
                }
                rows.finish();
            }
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM row_sink_probe", Long.class)).isEqualTo(count);
        Map<String, Object> last = jdbc.queryForMap("SELECT * FROM row_sink_probe WHERE id = ?", count - 1);
        long i = count - 1;
        assertRow(last, i % 1000, i, i * i, i / 7.0, "row " + i, Instant.ofEpochSecond(1_700_000_000L + i), false);
    }

    void write(Rows rows) {
        transactions.executeWithoutResult(tx -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                rows.write(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    static List<String> withId() {
        return Stream.concat(Stream.of("id"), COLUMNS.stream()).toList();
    }

    private static void assertRow(Map<String, Object> row, long small, long medium, long large, double real, String label,
            Instant at, boolean flag) {
        assertThat(((Number) row.get("small")).longValue()).isEqualTo(small);
        assertThat(((Number) row.get("medium")).longValue()).isEqualTo(medium);
        assertThat(((Number) row.get("large")).longValue()).isEqualTo(large);
        assertThat(((Number) row.get("ratio")).doubleValue()).isEqualTo(real);
        assertThat(row.get("label")).isEqualTo(label);
        assertThat(instant(row.get("stamp"))).isEqualTo(at);
        assertThat(row.get("flag")).isEqualTo(flag);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new AssertionError("not a timestamp: " + value.getClass());
        };
    }
}
