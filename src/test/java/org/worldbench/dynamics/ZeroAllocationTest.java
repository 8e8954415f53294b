package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.testsupport.golden.GoldenModel;

/**
 * After warm-up, the hot paths allocate nothing on the Java heap, in either storage: measured with
 * the thread's allocated-bytes counter around many calls (JMH's {@code -prof gc} gives the same
 * answer per operation, see docs/performance.md).
 */
class ZeroAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<Arguments> kernelsModelsStorages() {
        return Stream.of("fk", "crba", "rnea", "coriolisAndGravity", "aba", "impulse", "integrate", "jacobian",
                        "energy")
                .flatMap(k -> Stream.of("chain7", "chain_ball5", "atlas").flatMap(m ->
                        Stream.of(StateStorage.values()).map(s -> Arguments.of(k, m, s))));
    }

    @ParameterizedTest(name = "{0} on {1} ({2})")
    @MethodSource("kernelsModelsStorages")
    void kernel_allocates_nothing_after_warm_up(String kernel, String model, StateStorage storage) {
        try (Skeleton s = GoldenModel.load(model).build(storage)) {
            int n = s.dofCount();
            double[][] q = new double[16][n];
            for (int k = 0; k < q.length; k++) {
                for (int i = 0; i < n; i++) {
                    q[k][i] = Math.sin(1.3 * k + 0.7 * i) * 0.5;
                }
            }
            double[] out = new double[Math.max(6 * n, n)];
            s.setConstraintImpulse(s.bodyCount() - 1, 0, 0, 1, 0, 0, 0.5);
            Runnable call = switch (kernel) {
                case "fk" -> () -> Kinematics.computePositions(s);
                case "crba" -> () -> MassMatrix.compute(s);
                case "rnea" -> () -> InverseDynamics.compute(s, q[3], out);
                case "coriolisAndGravity" -> () -> InverseDynamics.coriolisAndGravity(s, out);
                case "aba" -> () -> ForwardDynamics.compute(s);
                case "impulse" -> () -> ForwardDynamics.impulse(s);
                case "integrate" -> () -> Integrator.step(s, 1e-3);
                case "jacobian" -> () -> Jacobians.body(s, s.bodyCount() - 1, out);
                case "energy" -> () -> out[0] = Energy.kinetic(s) + Energy.potential(s);
                default -> throw new IllegalArgumentException(kernel);
            };
            long bytes = Long.MAX_VALUE;
            for (int round = 0; round < 3 && bytes != 0; round++) {
                bytes = allocatedBytes(s, q, call, round == 0 ? 6_000 : 6_000);
            }
            assertThat(bytes).as("heap bytes allocated by 2000 calls of %s after warm-up", kernel).isZero();
        }
    }

    private static long allocatedBytes(Skeleton s, double[][] q, Runnable call, int warmUp) {
        for (int k = 0; k < warmUp; k++) {
            s.setPositions(q[k & 15]);
            s.setVelocities(q[(k + 5) & 15]);
            call.run();
        }
        long thread = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int k = 0; k < 2_000; k++) {
            s.setPositions(q[k & 15]);
            s.setVelocities(q[(k + 5) & 15]);
            call.run();
        }
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
