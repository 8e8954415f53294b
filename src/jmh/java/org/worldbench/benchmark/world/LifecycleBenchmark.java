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
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.simulation.World;
import org.worldbench.simulation.WorldConfig;

/**
 * A World's whole life, as DART's {@code BM_Lifecycle}: {@link #lifecycle} creates a World, builds
 * and adds N chain(7) on a 1 m grid, steps once and closes it; {@link #lifecycleClone} clones a
 * World of N chains (a new memory manager and every skeleton rebuilt in it), steps the clone once
 * and closes it. This is where the allocation configurations differ most: INLINE reserves a free
 * list per skeleton, HIERARCHICAL one manager per World. The counters read the base allocator, so
 * {@code allocationsPerOp} counts what each life asks of the system allocator.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'lifecycle' -p debug=false -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LifecycleBenchmark {

    @Param({"1", "10", "100"})
    public int skeletons;

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    @Param({"false", "true"})
    public boolean debug;

    private WorldConfig config;
    /** The World {@link #lifecycleClone} clones (never stepped itself). */
    private World original;

    @Setup(Level.Trial)
    public void build() {
        config = WorldScenes.config(allocation, debug);
        original = new World(config);
        WorldScenes.addChains(original, skeletons);
        WorkloadMemory.watch(MemoryProbe.ofBase(MemoryAllocator.defaultAllocator()));
    }

    @TearDown(Level.Trial)
    public void close() {
        WorkloadMemory.freeze();
        original.close();
    }

    @Benchmark
    public double lifecycle(EngineCounters counters) {
        double time;
        try (World world = new World(config)) {
            WorldScenes.addChains(world, skeletons);
            world.step();
            time = world.getTime();
        }
        counters.countOperation();
        return time;
    }

    @Benchmark
    public double lifecycleClone(EngineCounters counters) {
        double time;
        try (World clone = original.clone()) {
            clone.step();
            time = clone.getTime();
        }
        counters.countOperation();
        return time;
    }
}
