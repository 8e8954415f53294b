package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricUnitTest {

    @ParameterizedTest(name = "{0} is {1}, {2}")
    @CsvSource({
        "ns/op,    TIME,       LOWER_IS_BETTER",
        "us/op,    TIME,       LOWER_IS_BETTER",
        "µs/op,    TIME,       LOWER_IS_BETTER",
        "ms/op,    TIME,       LOWER_IS_BETTER",
        "s/op,     TIME,       LOWER_IS_BETTER",
        "ns,       TIME,       LOWER_IS_BETTER",
        "ms,       TIME,       LOWER_IS_BETTER",
        "ops/s,    THROUGHPUT, HIGHER_IS_BETTER",
        "ops/ms,   THROUGHPUT, HIGHER_IS_BETTER",
        "ops/us,   THROUGHPUT, HIGHER_IS_BETTER",
        "items/s,  THROUGHPUT, HIGHER_IS_BETTER",
        "B/op,     BYTES,      LOWER_IS_BETTER",
        "bytes,    BYTES,      LOWER_IS_BETTER",
    })
    void units_written_by_jmh_and_google_benchmark_say_which_way_is_better(String unit, MetricKind kind, Direction direction) {
        MetricUnit parsed = MetricUnit.parse(unit);

        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.direction()).contains(direction);
    }

    @ParameterizedTest(name = "{0} has no default direction")
    @CsvSource({"MB/sec", "counts", "'' ", "furlongs"})
    void rates_of_bytes_and_unknown_units_have_no_default_direction(String unit) {
        MetricUnit parsed = MetricUnit.parse(unit);

        assertThat(parsed.kind()).isEqualTo(MetricKind.OTHER);
        assertThat(parsed.direction()).isEqualTo(Optional.empty());
    }
}
