package org.worldbench.benchmark.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
import org.worldbench.simulation.World;

/**
 * DART's {@code BM_ParallelWorlds}: T threads, each stepping its own pre-warmed World (10 cubes in
 * stacks of 5, 200 steps before timing) 100 times; one operation is the wall time until all T are
 * done, so throughput(T) / throughput(1) = T × time(1) / time(T), which {@code worldbench scaling RUN}
 * and {@code src/jmh/scripts/workload-table.py} print. Each World goes back to its post-warm-up state
 * every 1000 of its steps. Compare with {@code parallelSpinControl} from the same run: a 2-vCPU VM
 * does not always run two threads in parallel.
 *
 * <p><b>One lane per World.</b> World t is built, warmed up, stepped and closed by lane t, a
 * single-thread executor of its own, as an application that gives each thread its World would do.
 * So a World is always stepped by the same thread (a shared pool hands the T tasks to whichever
 * worker is free, and a World that changes thread drags its working set to the other core's
 * cache); its Java objects come from that thread's TLAB and its native blocks from that thread's
 * {@code malloc} arena, so no object or block of one World is allocated next to another World's
 * (which could put hot fields of two Worlds on one cache line).
 *
 * <p><b>Paired: {@code parallelWorldsPaired}.</b> The same Worlds and lanes, but each invocation
 * runs the one-thread operation (one lane's World alone) and the {@code threads}-thread operation
 * (every lane's World at once) one after the other, timing each ({@link PairedTimes}): the scaling is
 * then a ratio within one JVM, free of the JVM-to-JVM spread that widened the ratio of two trials
 * (docs/performance.md, issue 6). With {@code threads} = 1 both halves are the same operation: a
 * ratio of 1, the pairing's own A/A check.
 *
 * <p>No {@code debug} parameter: release Worlds, as in DART's program.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar '\.parallel(Worlds|SpinControl)$' -p threads=1,2 -prof gc};
 * with confidence: {@code worldbench run config/experiments/parallel-paired.yaml}, then {@code worldbench scaling RUN}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ParallelWorldsBenchmark {

    static final int STEPS = 100;

    @Param({"1", "2", "4"})
    public int threads;

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    /** Steps each World takes before timing (DART's program: 200). */
    @Param({"200"})
    public int settleSteps;

    /** Lane t: the one thread that builds, steps and closes World t. */
    private Lanes lanes;
    private final List<World> worlds = new ArrayList<>();

    @Setup(Level.Trial)
    public void build() throws InterruptedException, ExecutionException {
        MemoryProbe[] probes = new MemoryProbe[threads];
        lanes = new Lanes(threads);
        for (int t = 0; t < threads; t++) {
            World world = lanes.call(t, this::settledWorld);
            WorldScenes.ResettingWorld stepped = lanes.call(t, () -> new WorldScenes.ResettingWorld(world));
            worlds.add(world);
            probes[t] = MemoryProbe.of(world);
            lanes.task(() -> {
                double time = 0;
                for (int i = 0; i < STEPS; i++) {
                    time = stepped.step();
                }
                return time;
            });
        }
        WorkloadMemory.watch(MemoryProbe.sum(probes));
    }

    private World settledWorld() {
        World world = WorldScenes.boxWorld(WorldScenes.config(allocation, false), 10, 5);
        for (int i = 0; i < settleSteps; i++) {
            world.step();
        }
        return world;
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException, ExecutionException {
        WorkloadMemory.freeze();
        for (int t = 0; t < worlds.size(); t++) {
            World world = worlds.get(t);
            lanes.call(t, () -> {
                world.close();
                return null;
            });
        }
        lanes.shutdown();
    }

    @Benchmark
    public double parallelWorlds(EngineCounters counters) throws InterruptedException, ExecutionException {
        double sum = lanes.runAll();
        counters.countOperation();
        return sum;
    }

    /** One pair per invocation: one World stepped alone, then all {@code threads} at once, or the other way round ({@link PairedTimes}); {@code ops} counts pairs. */
    @Benchmark
    public double parallelWorldsPaired(PairedTimes times, EngineCounters counters) throws InterruptedException, ExecutionException {
        double sum = times.alternate(lanes);
        counters.countOperation();
        return sum;
    }
}
