package org.worldbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.Kinematics;
import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.simulation.Allocation;

/**
 * The benchmarked kernels (FK, mass matrix, forward dynamics) allocate nothing on the Java heap once
 * compiled, on the benchmark scenes in the two off-heap configurations, INLINE and HIERARCHICAL
 * (the thread's allocated-bytes counter around 2,000 calls; {@code ZeroAllocationTest} covers the
 * golden models on the default allocator). Fails on any regression, one byte is enough.
 */
class WorkloadZeroAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<Arguments> kernelsScenesConfigurations() {
        return Stream.of("fk", "massMatrix", "forwardDynamics").flatMap(kernel ->
                Stream.of(Allocation.INLINE, Allocation.HIERARCHICAL).flatMap(allocation -> Stream.of(
                        Arguments.of(kernel, Topology.CHAIN, JointType.REVOLUTE, allocation),
                        Arguments.of(kernel, Topology.TREE, JointType.BALL, allocation),
                        Arguments.of(kernel, Topology.STAR, JointType.FREE, allocation))));
    }

    @ParameterizedTest(name = "{0} on {1} of {2} joints ({3})")
    @MethodSource("kernelsScenesConfigurations")
    void kernel_allocates_nothing_after_warm_up(String kernel, Topology topology, JointType joint,
            Allocation allocation) {
        try (AllocationSetup setup = AllocationSetup.of(allocation, false)) {
            Skeleton s = SkeletonScenes.articulated(topology, 15, joint, setup);
            double[][] q = new double[16][s.dofCount()];
            for (int k = 0; k < q.length; k++) {
                for (int i = 0; i < s.dofCount(); i++) {
                    q[k][i] = Math.sin(1.3 * k + 0.7 * i);
                }
            }
            Runnable call = switch (kernel) {
                case "fk" -> () -> Kinematics.computePositions(s);
                case "massMatrix" -> () -> MassMatrix.compute(s);
                case "forwardDynamics" -> () -> ForwardDynamics.compute(s);
                default -> throw new IllegalArgumentException(kernel);
            };
            long bytes = Long.MAX_VALUE;
            // The JIT compiles in the background: a path that allocates keeps allocating in every round.
            for (int round = 0; round < 3 && bytes != 0; round++) {
                bytes = bytesOf2000CallsAfter(6_000, s, q, call);
            }
            assertThat(bytes).as("heap bytes of 2000 %s calls after warm-up", kernel).isZero();
            setup.close(s);
        }
    }

    private static long bytesOf2000CallsAfter(int warmUp, Skeleton s, double[][] q, Runnable call) {
        for (int k = 0; k < warmUp; k++) {
            s.setPositions(q[k & 15]);
            s.setVelocities(q[(k + 5) & 15]);
            call.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 2_000; k++) {
            s.setPositions(q[k & 15]);
            s.setVelocities(q[(k + 5) & 15]);
            call.run();
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
