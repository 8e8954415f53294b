package org.worldbench.benchmark.world;

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

/**
 * DART's {@code BM_SmallWorldStep}: a World with one chain(7) starting at 0.3 rad on every joint,
 * dt = 1 ms, no contacts; one operation is one {@code World.step()}. An undamped chain integrated
 * with semi-implicit Euler gains energy and blows up after about 3.6 s of simulated time, so, as
 * DART's program does, the state goes back to q0 and rest every 1000 steps (the reset is timed,
 * amortised over 1000 steps).
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar smallWorldStep -p debug=false -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SmallWorldStepBenchmark {

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    @Param({"false", "true"})
    public boolean debug;

    private WorldScenes.ResettingWorld world;

    @Setup(Level.Trial)
    public void build() {
        world = new WorldScenes.ResettingWorld(WorldScenes.smallWorld(WorldScenes.config(allocation, debug)));
        WorkloadMemory.watch(MemoryProbe.of(world.world()));
    }

    @TearDown(Level.Trial)
    public void close() {
        WorkloadMemory.freeze();
        world.world().close();
    }

    @Benchmark
    public double smallWorldStep(EngineCounters counters) {
        counters.countOperation();
        return world.step();
    }
}
