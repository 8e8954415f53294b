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
import org.worldbench.workload.AllocationSetup;
import org.worldbench.workload.SkeletonScenes;

/**
 * The kernels of {@link SkeletonDynamicsBenchmark} on the packaged robot URDFs, loaded as DART's
 * {@code BM_Robot*} loads them (KR5 and WAM welded to the world, Atlas on a free joint): 64
 * position vectors in [−π, π] for every coordinate (the free joint's too), velocities in [−1, 1].
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'RobotDynamicsBenchmark' -p debug=false -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RobotDynamicsBenchmark {

    @Param({"KR5", "WAM", "Atlas"})
    public String robot;

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    @Param({"false", "true"})
    public boolean debug;

    private AllocationSetup setup;
    private KernelBench bench;

    @Setup(Level.Trial)
    public void build() {
        setup = AllocationSetup.of(allocation, debug);
        bench = new KernelBench(SkeletonScenes.robot(SkeletonScenes.Robot.parse(robot), setup));
        WorkloadMemory.watch(MemoryProbe.of(setup));
    }

    @TearDown(Level.Trial)
    public void close() {
        WorkloadMemory.freeze();
        setup.close(bench.skeleton());
        setup.close();
    }

    @Benchmark
    public double robotFk(EngineCounters counters) {
        counters.countOperation();
        return bench.fk();
    }

    @Benchmark
    public double robotMassMatrix(EngineCounters counters) {
        counters.countOperation();
        return bench.massMatrix();
    }

    @Benchmark
    public double robotForwardDynamics(EngineCounters counters) {
        counters.countOperation();
        return bench.forwardDynamics();
    }
}
