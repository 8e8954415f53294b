package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.testsupport.golden.GoldenModel;
import org.worldbench.workload.ContactScenes;

import tools.jackson.databind.JsonNode;

/**
 * DART's contact scenes (golden README §7.2) stepped through a World in every allocation
 * configuration: the cubes rest where DART puts them, contacts appear when DART's do, and the
 * configurations agree bit for bit after 1000 contact steps.
 */
class WorldContactTest {

    static Stream<Arguments> goldenScenesAndConfigurations() {
        return Stream.of(Arguments.of("boxes_grid10", 10, 1), Arguments.of("box_stack5", 5, 5))
                .flatMap(scene -> Stream.of(Allocation.values())
                        .map(a -> Arguments.of(scene.get()[0], scene.get()[1], scene.get()[2], a)));
    }

    /** A World of {@code config} with DART's ground and {@code n} cubes in columns of {@code stackHeight}. */
    static World boxWorld(WorldConfig config, int n, int stackHeight) {
        World world = new World(config);
        for (Skeleton s : ContactScenes.boxes(n, stackHeight, StateStorage.OFF_HEAP)) {
            world.addSkeleton(s);
        }
        return world;
    }

    @ParameterizedTest(name = "{0} ({3})")
    @MethodSource("goldenScenesAndConfigurations")
    void cubes_rest_where_dart_puts_them(String scene, int n, int stackHeight, Allocation allocation) {
        JsonNode golden = GoldenModel.readResource("/golden/trajectories.json").get("trajectories").get(scene);
        double[][] initial = GoldenModel.matrix(golden.get("initial_positions"));
        try (World world = boxWorld(WorldConfig.defaults().withAllocation(allocation), n, stackHeight)) {
            int step = 0;
            for (JsonNode early : golden.get("early_steps")) {
                world.step();
                step++;
                assertThat(world.getConstraintSolver().lastContactCount()).as("contacts at step %d", step)
                        .isEqualTo(early.get("num_contacts").asInt());
            }
            for (JsonNode sample : golden.get("samples")) {
                int target = sample.get("step").asInt();
                GoldenScene.step(world, target - step);
                step = target;
                double[] z = GoldenModel.array(sample.get("z"));
                for (int i = 0; i < n; i++) {
                    Skeleton cube = world.getSkeleton(i + 1);
                    String what = scene + " cube " + i + " at step " + step;
                    assertThat(cube.position(5)).as(what + " height").isCloseTo(z[i], within(1e-3));
                    assertThat(Math.hypot(cube.position(3) - initial[i][0], cube.position(4) - initial[i][1]))
                            .as(what + " horizontal drift").isLessThanOrEqualTo(1e-4);
                    boolean onCube = i > 0 && initial[i][0] == initial[i - 1][0] && initial[i][1] == initial[i - 1][1];
                    double floor = onCube ? world.getSkeleton(i).position(5) + ContactScenes.CUBE : 0.5 * ContactScenes.CUBE;
                    assertThat(floor - cube.position(5)).as(what + " penetration").isLessThanOrEqualTo(1e-3);
                }
            }
            assertThat(step).isEqualTo(golden.get("steps").asInt());
            assertThat(world.getConstraintSolver().lastContactCount()).as("contacts at the last step")
                    .isEqualTo(golden.get("num_contacts_last_step").asInt());
        }
    }

    /** The three configurations, and the debug variant of the one the project is about. */
    private static final List<WorldConfig> CONFIGURATIONS = List.of(
            WorldConfig.defaults().withAllocation(Allocation.HEAP),
            WorldConfig.defaults().withAllocation(Allocation.INLINE),
            WorldConfig.defaults().withAllocation(Allocation.HIERARCHICAL),
            WorldConfig.defaults().withAllocation(Allocation.HIERARCHICAL).withDebug(true));

    @Test
    void every_configuration_gives_bit_identical_states_after_1000_contact_steps() {
        double[] reference = null;
        for (WorldConfig config : CONFIGURATIONS) {
            try (World world = boxWorld(config, 5, 5)) {
                GoldenScene.step(world, 1000);
                double[] state = GoldenScene.state(world);
                assertThat(world.getConstraintSolver().lastContactCount()).isEqualTo(20);
                if (reference == null) {
                    reference = state;
                } else {
                    assertThat(state).as("%s, debug %s against HEAP", config.allocation(), config.debug())
                            .isEqualTo(reference);
                }
            }
        }
    }

    @Test
    void the_same_contact_scene_stepped_twice_gives_identical_states() {
        double[] first;
        try (World world = boxWorld(WorldConfig.defaults(), 5, 5)) {
            GoldenScene.step(world, 500);
            first = GoldenScene.state(world);
        }
        try (World world = boxWorld(WorldConfig.defaults(), 5, 5)) {
            GoldenScene.step(world, 500);
            assertThat(GoldenScene.state(world)).isEqualTo(first);
        }
    }
}
