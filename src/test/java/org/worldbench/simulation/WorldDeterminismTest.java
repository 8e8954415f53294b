package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Same input, same bits: a scene stepped twice, and a scene stepped in every allocation
 * configuration (debug variants included), end in identical states — exact equality, no tolerance.
 */
class WorldDeterminismTest {

    static final List<String> SCENES = GoldenScene.JOINT_SPACE;

    /** Every configuration a World can have. */
    private static final List<WorldConfig> CONFIGURATIONS = List.of(
            WorldConfig.defaults().withAllocation(Allocation.HEAP),
            WorldConfig.defaults().withAllocation(Allocation.INLINE),
            WorldConfig.defaults().withAllocation(Allocation.HIERARCHICAL),
            WorldConfig.defaults().withAllocation(Allocation.HEAP).withDebug(true),
            WorldConfig.defaults().withAllocation(Allocation.INLINE).withDebug(true),
            WorldConfig.defaults().withAllocation(Allocation.HIERARCHICAL).withDebug(true));

    @ParameterizedTest
    @FieldSource("SCENES")
    void every_allocation_configuration_gives_bit_identical_states(String sceneName) {
        GoldenScene scene = GoldenScene.named(sceneName);
        double[] reference = null;
        for (WorldConfig config : CONFIGURATIONS) {
            try (World world = scene.buildWorld(config)) {
                GoldenScene.step(world, scene.lastStep());
                double[] state = GoldenScene.state(world);
                if (reference == null) {
                    reference = state;
                } else {
                    assertThat(state).as("%s, %s, debug %s against HEAP", sceneName, config.allocation(),
                            config.debug()).isEqualTo(reference);
                }
            }
        }
        assertThat(reference).isNotEmpty();
    }

    @Test
    void the_same_world_stepped_twice_gives_identical_states() {
        double[] first = twoSkeletonRun();
        double[] second = twoSkeletonRun();

        assertThat(second).isEqualTo(first);
    }

    private static double[] twoSkeletonRun() {
        try (World world = new World()) {
            world.addSkeleton(GoldenScene.named("small_world_step").buildSkeleton());
            world.addSkeleton(GoldenScene.named("floating_chain5_tumble").buildSkeleton());
            GoldenScene.step(world, 1000);
            return GoldenScene.state(world);
        }
    }
}
