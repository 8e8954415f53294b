package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * The contact-free trajectories of DART's {@code World::step} (golden README §4.9, §7.1) with
 * {@link Integrator#step}: a 7-link chain swinging for 1 s, and a floating chain falling and
 * tumbling for 0.5 s (which needs DART's exact free-joint integration).
 */
class GoldenTrajectoryTest {

    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({
        // tolerance: README §6 (small_world_step amplifies a 1e-12 perturbation to 3e-10 by step 1000)
        "small_world_step, 1e-8, HEAP",
        "small_world_step, 1e-8, OFF_HEAP",
        "floating_chain5_fall, 1e-10, OFF_HEAP",
        "floating_chain5_tumble, 1e-10, HEAP",
        "floating_chain5_tumble, 1e-10, OFF_HEAP"
    })
    void trajectory_matches_dart_at_every_sample(String name, double tolerance, StateStorage storage) {
        JsonNode trajectory = GoldenModel.readResource("/golden/trajectories.json").get("trajectories").get(name);
        GoldenModel model = GoldenModel.load(trajectory.get("model").asString());
        double dt = trajectory.get("world").get("time_step").asDouble();
        try (Skeleton s = model.build(storage)) {
            s.setTimeStep(dt);
            s.setPositions(GoldenModel.array(trajectory.get("q0")));
            s.setVelocities(GoldenModel.array(trajectory.get("dq0")));
            int step = 0;
            double worst = 0;
            int samples = 0;
            for (JsonNode sample : trajectory.get("samples")) {
                int target = sample.get("step").asInt();
                while (step < target) {
                    Integrator.step(s, dt);
                    step++;
                }
                double[] q = GoldenModel.array(sample.get("q"));
                double[] dq = GoldenModel.array(sample.get("dq"));
                for (int i = 0; i < q.length; i++) {
                    worst = Math.max(worst, Math.abs(s.position(i) - q[i]));
                    worst = Math.max(worst, Math.abs(s.velocity(i) - dq[i]));
                }
                double ke = sample.get("kinetic_energy").asDouble();
                assertThat(Energy.kinetic(s)).as("kinetic energy at step %d", target)
                        .isCloseTo(ke, org.assertj.core.data.Offset.offset(1e-7 * Math.max(1, ke)));
                samples++;
            }
            System.out.printf("trajectory %s (%s): %d samples, worst |q − q_DART|, |dq − dq_DART| = %.3g%n", name,
                    storage, samples, worst);
            assertThat(samples).isGreaterThan(5);
            assertThat(worst).as("largest difference from DART over all samples").isLessThanOrEqualTo(tolerance);
        }
    }
}
