package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.worldbench.math.Vec3;
import org.worldbench.memory.MemoryAllocator;

class WorldConfigTest {

    @Test
    void defaults_are_darts_with_the_hierarchical_design_on_the_default_allocator() {
        WorldConfig config = WorldConfig.defaults();

        assertThat(config.baseAllocator()).isSameAs(MemoryAllocator.defaultAllocator());
        assertThat(config.timeStep()).isEqualTo(0.001);
        assertThat(config.gravity()).isEqualTo(new Vec3(0, 0, -9.81));
        assertThat(config.allocation()).isEqualTo(Allocation.HIERARCHICAL);
        assertThat(config.debug()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.001})
    void a_time_step_that_is_not_finite_and_positive_is_rejected(double dt) {
        assertThatThrownBy(() -> WorldConfig.defaults().withTimeStep(dt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeStep")
                .hasMessageContaining(String.valueOf(dt));
    }

    @Test
    void a_gravity_component_that_is_not_finite_is_rejected_by_name() {
        assertThatThrownBy(() -> WorldConfig.defaults().withGravity(0, Double.NaN, -9.81))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gravity.y must be finite, got NaN");
        assertThatThrownBy(() -> WorldConfig.defaults().withGravity(0, 0, Double.NEGATIVE_INFINITY))
                .hasMessage("gravity.z must be finite, got -Infinity");
    }

    @Test
    void missing_parts_are_rejected_by_name() {
        assertThatThrownBy(() -> WorldConfig.defaults().withBaseAllocator(null)).hasMessageContaining("baseAllocator");
        assertThatThrownBy(() -> WorldConfig.defaults().withAllocation(null)).hasMessageContaining("allocation");
        assertThatThrownBy(() -> WorldConfig.defaults().withGravity(null)).hasMessageContaining("gravity");
    }

    @Test
    void withers_change_one_field() {
        WorldConfig config = WorldConfig.defaults().withTimeStep(0.002).withAllocation(Allocation.INLINE)
                .withDebug(true).withGravity(0, 0, -1.62);

        assertThat(config).isEqualTo(new WorldConfig(MemoryAllocator.defaultAllocator(), 0.002, new Vec3(0, 0, -1.62),
                Allocation.INLINE, true));
    }
}
