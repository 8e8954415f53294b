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
import org.worldbench.benchmark.support.EngineCounters;
import org.worldbench.benchmark.support.MemoryProbe;
import org.worldbench.benchmark.support.WorkloadMemory;
import org.worldbench.dynamics.JointType;
import org.worldbench.workload.AllocationSetup;
import org.worldbench.workload.SkeletonScenes;
import org.worldbench.workload.Topology;

/**
 * Kinematics and dynamics kernels on synthetic skeletons, one operation per call. {@code chain} with
 * {@code revolute} joints is DART's chain(N), so {@code fk}, {@code massMatrix} and
 * {@code forwardDynamics} at 7, 30 and 100 bodies compare with its {@code BM_FK},
 * {@code BM_MassMatrix} and {@code BM_ForwardDynamics} ({@code ../shared/anchors/dart}).
 * <ul>
 * <li>{@link #fk}: set q, world transforms of every body;</li>
 * <li>{@link #massMatrix}: set q, mass matrix (FK included, as DART's {@code getMassMatrix()});</li>
 * <li>{@link #forwardDynamics}: set q and dq, forward dynamics (FK, velocities, ABA);</li>
 * <li>{@link #inverseDynamics}: set q and dq, τ for a given ddq (RNEA);</li>
 * <li>{@link #coriolisGravity}: set q and dq, c + g.</li>
 * </ul>
 * The shapes bound the recursion: a chain is N deep, a binary tree log₂N, a star 2 (one hub, N − 1
 * leaves). {@code allocation}: HEAP (Java array), INLINE (the skeleton's own free list), HIERARCHICAL
 * (borrowed from a MemoryManager's free list); {@code debug} reads and writes through the debug
 * allocators' checked segments (HEAP ignores it). Method names are database keys: keep them.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'SkeletonDynamicsBenchmark.fk$' -p shape=chain
 * -p joint=revolute -p bodies=7,30,100 -p allocation=HEAP,INLINE -p debug=false -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SkeletonDynamicsBenchmark {

    @Param({"chain", "tree", "star"})
    public String shape;

    @Param({"revolute", "ball", "free"})
    public String joint;

    /** Bodies of the skeleton (dofs = bodies × 1, 3 or 6). */
    @Param({"1", "7", "30", "100", "200"})
    public int bodies;

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    @Param({"false", "true"})
    public boolean debug;

    private AllocationSetup setup;
    private KernelBench bench;

    @Setup(Level.Trial)
    public void build() {
        setup = AllocationSetup.of(allocation, debug);
        bench = new KernelBench(SkeletonScenes.articulated(Topology.parse(shape), bodies, jointType(joint),
                setup));
        WorkloadMemory.watch(MemoryProbe.of(setup));
    }

    @TearDown(Level.Trial)
    public void close() {
        WorkloadMemory.freeze();
        setup.close(bench.skeleton());
        setup.close();
    }

    private static JointType jointType(String name) {
        return switch (name) {
            case "revolute" -> JointType.REVOLUTE;
            case "ball" -> JointType.BALL;
            case "free" -> JointType.FREE;
            default -> throw new IllegalArgumentException("joint must be revolute, ball or free, got '" + name + "'");
        };
    }

    @Benchmark
    public double fk(EngineCounters counters) {
        counters.countOperation();
        return bench.fk();
    }

    @Benchmark
    public double massMatrix(EngineCounters counters) {
        counters.countOperation();
        return bench.massMatrix();
    }

    @Benchmark
    public double forwardDynamics(EngineCounters counters) {
        counters.countOperation();
        return bench.forwardDynamics();
    }

    @Benchmark
    public double inverseDynamics(EngineCounters counters) {
        counters.countOperation();
        return bench.inverseDynamics();
    }

    @Benchmark
    public double coriolisGravity(EngineCounters counters) {
        counters.countOperation();
        return bench.coriolisGravity();
    }
}
