package org.worldbench.benchmark.world;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * done, so throughput(T) / throughput(1) = T × time(1) / time(T), which
 * {@code src/jmh/scripts/workload-table.py} prints. Each World goes back to its post-warm-up state
 * every 1000 of its steps. Compare with {@code parallelSpinControl} from the same run: a 2-vCPU VM
 * does not always run two threads in parallel.
 *
 * <p>No {@code debug} parameter: a debug World is confined to the thread that built it, and these
 * Worlds are built on the benchmark thread and stepped on the pool's.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar 'parallel(Worlds|SpinControl)' -prof gc}
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

    private ExecutorService pool;
    private final List<World> worlds = new ArrayList<>();
    private final List<Callable<Double>> tasks = new ArrayList<>();

    @Setup(Level.Trial)
    public void build() {
        pool = Executors.newFixedThreadPool(threads);
        MemoryProbe[] probes = new MemoryProbe[threads];
        for (int t = 0; t < threads; t++) {
            World world = WorldScenes.boxWorld(WorldScenes.config(allocation, false), 10, 5);
            for (int i = 0; i < settleSteps; i++) {
                world.step();
            }
            WorldScenes.ResettingWorld stepped = new WorldScenes.ResettingWorld(world);
            worlds.add(world);
            probes[t] = MemoryProbe.of(world);
            tasks.add(() -> {
                double time = 0;
                for (int i = 0; i < STEPS; i++) {
                    time = stepped.step();
                }
                return time;
            });
        }
        WorkloadMemory.watch(MemoryProbe.sum(probes));
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        WorkloadMemory.freeze();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        worlds.forEach(World::close);
    }

    @Benchmark
    public double parallelWorlds(EngineCounters counters) throws InterruptedException, ExecutionException {
        double sum = 0;
        for (Future<Double> f : pool.invokeAll(tasks)) {
            sum += f.get();
        }
        counters.countOperation();
        return sum;
    }
}
