package org.worldbench.benchmark.dynamics;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.Kinematics;
import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.workload.SkeletonScenes;

/**
 * Kinematics and dynamics of DART's chain(N) ({@code BM_FK}, {@code BM_MassMatrix},
 * {@code BM_ForwardDynamics} of {@code ../shared/anchors/dart}), one operation per call:
 * <ul>
 * <li>{@link #fk}: set positions, world transforms of every body;</li>
 * <li>{@link #massMatrix}: set positions, mass matrix (FK included, as DART's {@code getMassMatrix()});</li>
 * <li>{@link #forwardDynamics}: set positions and velocities, forward dynamics (FK, velocities, ABA).</li>
 * </ul>
 * Inputs cycle through 64 pre-generated vectors, so every call starts from a changed state.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'dynamics.ChainDynamicsBenchmark' -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ChainDynamicsBenchmark {

    /** Links (= dofs) of the chain. */
    @Param({"7", "30", "100"})
    public int bodies;

    /** Where the per-body state lives: HEAP (Java array) or INLINE (off-heap block). */
    @Param({"HEAP", "INLINE"})
    public String allocation;

    private Skeleton skeleton;
    private double[][] positions;
    private double[][] velocities;
    private int last;
    private int k;

    @Setup(Level.Trial)
    public void build() {
        skeleton = SkeletonScenes.chain(bodies, Allocation.storage(allocation));
        positions = DynamicsInputs.positions(skeleton.dofCount());
        velocities = DynamicsInputs.velocities(skeleton.dofCount());
        last = skeleton.bodyCount() - 1;
    }

    @TearDown(Level.Trial)
    public void close() {
        skeleton.close();
    }

    @Benchmark
    public double fk() {
        skeleton.setPositions(positions[k++ & (DynamicsInputs.SAMPLES - 1)]);
        Kinematics.computePositions(skeleton);
        return skeleton.worldTransformEntry(last, 11);
    }

    @Benchmark
    public double massMatrix() {
        skeleton.setPositions(positions[k++ & (DynamicsInputs.SAMPLES - 1)]);
        MassMatrix.compute(skeleton);
        return skeleton.massMatrix(0, 0);
    }

    @Benchmark
    public double forwardDynamics() {
        int j = k++ & (DynamicsInputs.SAMPLES - 1);
        skeleton.setPositions(positions[j]);
        skeleton.setVelocities(velocities[j]);
        ForwardDynamics.compute(skeleton);
        return skeleton.acceleration(last);
    }
}
