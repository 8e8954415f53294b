package org.worldbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjusted_p_values_match_scipy_false_discovery_control() {
        // python3 -c "from scipy.stats import false_discovery_control as f; print(list(f(p, method='bh')))" with p below
        double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269,
            0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986};
        double[] scipy = {0.025, 0.1, 0.21000000000000002, 0.21000000000000002, 0.21000000000000002, 0.25,
            0.2642857142857143, 0.49107142857142866, 0.49107142857142866, 0.49107142857142866, 0.49107142857142866,
            0.49107142857142866, 0.49107142857142866, 0.49107142857142866, 0.5328125, 0.5328125, 0.5647058823529413,
            0.781578947368421, 0.781578947368421, 0.8699999999999999, 0.9071428571428571, 0.986, 0.986, 0.986, 0.986};

        double[] adjusted = BenjaminiHochberg.adjust(p);

        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).as("q[%d]", i).isCloseTo(scipy[i], within(1e-12));
        }
    }

    @Test
    void adjusted_p_values_keep_the_input_order_like_scipy() {
        // p=[0.5, 0.01, 0.03, 0.02, 0.9, 0.04] -> scipy: [0.6, 0.06, 0.06, 0.06, 0.9, 0.06]
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.5, 0.01, 0.03, 0.02, 0.9, 0.04});

        assertThat(adjusted).containsExactly(new double[] {0.6, 0.06, 0.06, 0.06, 0.9, 0.06}, within(1e-12));
    }

    @Test
    void a_p_value_outside_zero_to_one_is_rejected_with_its_index() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p-value 1");
    }

    @Property(tries = 300)
    void adjustment_never_lowers_a_p_value_and_keeps_their_order(
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1) Double> values) {
        double[] p = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = BenjaminiHochberg.adjust(p);

        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertThat(q[i]).isLessThanOrEqualTo(q[j]);
                }
            }
        }
    }
}
