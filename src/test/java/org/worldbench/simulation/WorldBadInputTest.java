package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.worldbench.dynamics.Skeleton;

/**
 * NaN and infinities are refused where they enter, with a message naming the skeleton and the dof
 * or body, and the state they would have corrupted is left as it was.
 */
class WorldBadInputTest {

    private static World chainWorld(Allocation allocation) {
        World world = new World(WorldConfig.defaults().withAllocation(allocation));
        world.addSkeleton(GoldenScene.named("small_world_step").buildSkeleton());
        GoldenScene.step(world, 10);
        return world;
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void non_finite_positions_velocities_and_forces_are_rejected_before_they_are_stored(double bad) {
        try (World world = chainWorld(Allocation.HIERARCHICAL)) {
            Skeleton chain = world.getSkeleton(0);
            double[] state = GoldenScene.state(world);
            double[] q = chain.positions();
            q[3] = bad;

            assertThatThrownBy(() -> chain.setPositions(q))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("positions[3] (dof 'joint3') of skeleton '" + chain.name() + "' must be finite, got "
                            + bad);
            assertThatThrownBy(() -> chain.setVelocity(6, bad)).hasMessageContaining("velocity[6] (dof 'joint6')");
            assertThatThrownBy(() -> chain.setForce(0, bad)).hasMessageContaining("force[0] (dof 'joint0')");
            assertThatThrownBy(() -> chain.setForces(new double[] {0, 0, 0, 0, 0, bad, 0}))
                    .hasMessageContaining("forces[5] (dof 'joint5')");
            assertThatThrownBy(() -> chain.setExternalForce(2, 0, 0, bad, 0, 0, 0.3))
                    .hasMessageContaining("external force on body 'link2' of skeleton '" + chain.name() + "'");

            assertThat(GoldenScene.state(world)).as("state after the rejected inputs").isEqualTo(state);
            assertThat(chain.forces()).containsOnly(0.0);
            world.step();
        }
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void a_step_whose_accelerations_overflow_fails_and_leaves_the_world_as_it_was(Allocation allocation) {
        try (World world = chainWorld(allocation)) {
            Skeleton chain = world.getSkeleton(0);
            double[] state = GoldenScene.state(world);
            double time = world.getTime();
            chain.setForce(4, Double.MAX_VALUE);

            assertThatThrownBy(world::step)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(world.getName() + ", step 11: forward dynamics of skeleton '" + chain.name()
                            + "' gave acceleration ")
                    .hasMessageContaining("for dof 'joint")
                    .hasMessageEndingWith("the World's state is unchanged");

            assertThat(GoldenScene.state(world)).isEqualTo(state);
            assertThat(world.getTime()).isEqualTo(time);
            assertThat(world.getStepCount()).isEqualTo(10);
        }
    }

    @Test
    void forces_act_for_one_step_and_are_cleared_as_dart_clears_them() {
        try (World pushed = chainWorld(Allocation.HIERARCHICAL); World free = chainWorld(Allocation.HIERARCHICAL)) {
            Skeleton chain = pushed.getSkeleton(0);
            chain.setForce(0, 5.0);
            chain.setExternalForce(6, 1, 0, 0, 0, 0, 1.4);

            pushed.step();
            free.step();

            assertThat(GoldenScene.state(pushed)).isNotEqualTo(GoldenScene.state(free));
            assertThat(chain.forces()).containsOnly(0.0);
            double[] before = GoldenScene.state(pushed);
            free.getSkeleton(0).setPositions(chain.positions());
            free.getSkeleton(0).setVelocities(chain.velocities());
            pushed.step();
            free.step();
            assertThat(GoldenScene.state(pushed)).as("no force left over after the step").isEqualTo(GoldenScene.state(free))
                    .isNotEqualTo(before);
        }
    }
}
