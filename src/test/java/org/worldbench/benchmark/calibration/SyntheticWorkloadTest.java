package org.worldbench.benchmark.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slowdown adds exactly the stated fraction of work, counted in rounds (time is JMH's business). */
class SyntheticWorkloadTest {

    @ParameterizedTest
    @CsvSource({"0, 10000, 10000", "2, 10000, 10200", "5, 10000, 10500", "10, 10000, 11000", "5, 100, 105"})
    void slowdown_adds_exactly_that_percentage_of_rounds(int slowdown, int size, long expectedRounds) {
        SyntheticWorkload workload = new SyntheticWorkload();
        workload.slowdown = slowdown;
        workload.size = size;

        workload.setUp();

        // One more round changes the result, one round fewer too: the benchmark runs exactly expectedRounds.
        long seed = 0x9E3779B97F4A7C15L;
        assertThat(workload.synthetic()).isEqualTo(SyntheticWorkload.work(seed, expectedRounds))
                .isNotEqualTo(SyntheticWorkload.work(seed, expectedRounds - 1))
                .isNotEqualTo(SyntheticWorkload.work(seed, expectedRounds + 1));
    }

    @ParameterizedTest
    @CsvSource({"-1, 10000", "0, 0"})
    void nonsense_parameters_are_refused(int slowdown, int size) {
        SyntheticWorkload workload = new SyntheticWorkload();
        workload.slowdown = slowdown;
        workload.size = size;

        assertThatThrownBy(workload::setUp).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slowdown=" + slowdown);
    }
}
