package org.worldbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.worldbench.testsupport.db.PostgresTest;

/**
 * Also checks what only the binary COPY has to: a value of the wrong kind or size for its column is
 * refused on the client, naming the column, and rows of the wrong width are refused before they are sent.
 */
@PostgresTest
class RowSinkPostgresTest extends RowSinkContract {

    @Test
    void a_long_that_does_not_fit_an_integer_column_is_refused_naming_the_column() {
        assertThatThrownBy(() -> write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                rows.integer(1).integer(0).integer(Integer.MAX_VALUE + 1L);
            }
        })).hasMessageContaining("row_sink_probe.medium");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM row_sink_probe", Long.class)).isZero();
    }

    @Test
    void a_value_of_the_wrong_kind_for_its_column_is_refused_naming_the_column() {
        assertThatThrownBy(() -> write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                rows.integer(1).integer(0).integer(0).integer(0).text("1.5");
            }
        })).hasMessageContaining("text for row_sink_probe.ratio");
    }

    @Test
    void a_row_of_the_wrong_width_is_refused() {
        assertThatThrownBy(() -> write(c -> {
            try (RowSink rows = RowSink.open(c, "row_sink_probe", withId())) {
                rows.integer(1).endRow();
            }
        })).hasMessageContaining("a row of 1 values for the 8 columns");
    }

    @Test
    void timestamps_are_rounded_to_the_microsecond_as_postgresql_rounds_text() {
        assertThat(BinaryCopySink.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(BinaryCopySink.microsSincePostgresEpoch(Instant.parse("1999-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(BinaryCopySink.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00.000000499Z"))).isZero();
        assertThat(BinaryCopySink.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00.000000501Z"))).isEqualTo(1);
        assertThat(BinaryCopySink.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00.000001500Z"))).isEqualTo(2);
    }
}
