package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * DART's contact-free {@code World::step} trajectories (golden README §4.9, §7.1) stepped through a
 * World in each allocation configuration: every sample within 1e-6 of DART (the bound; the
 * dynamics tests show the kernels themselves are within 1e-8), and time advanced as DART adds it up.
 */
class WorldGoldenTrajectoryTest {

    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> scenesAndConfigurations() {
        return GoldenScene.JOINT_SPACE.stream()
                .flatMap(scene -> Stream.of(Allocation.values()).map(a -> Arguments.of(scene, a)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("scenesAndConfigurations")
    void world_follows_darts_trajectory(String sceneName, Allocation allocation) {
        GoldenScene scene = GoldenScene.named(sceneName);
        try (World world = scene.buildWorld(WorldConfig.defaults().withAllocation(allocation))) {
            int step = 0;
            List<Double> errors = new ArrayList<>();
            for (JsonNode sample : scene.samples()) {
                int target = sample.get("step").asInt();
                GoldenScene.step(world, target - step);
                step = target;
                double[] q = GoldenModel.array(sample.get("q"));
                double[] dq = GoldenModel.array(sample.get("dq"));
                double worst = 0;
                for (int i = 0; i < q.length; i++) {
                    worst = Math.max(worst, Math.abs(world.getSkeleton(0).position(i) - q[i]));
                    worst = Math.max(worst, Math.abs(world.getSkeleton(0).velocity(i) - dq[i]));
                }
                errors.add(worst);
                assertThat(world.getTime()).as("time at step %d", target).isEqualTo(sample.get("time").asDouble());
            }

            assertThat(step).isEqualTo(scene.lastStep()).isPositive();
            assertThat(errors).as("largest |q − q_DART|, |dq − dq_DART| per sample").allMatch(e -> e <= TOLERANCE);
            assertThat(world.getStepCount()).isEqualTo(step);
        }
    }
}
