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
import org.worldbench.simulation.World;

/**
 * DART's {@code BM_ContactWorldStep} ({@code stack}: columns of 5 touching cubes) and
 * {@code BM_ContactWorldStep_Grid} ({@code grid}: one layer) with 10 and 50 cubes on a welded
 * ground; one operation is one {@code World.step()}. As DART's program, 200 steps are taken before
 * timing; unlike it, the state then goes back to that post-warm-up snapshot every 1000 steps, so
 * every iteration steps the same stretch of simulated time and none measures a world that has
 * settled (or drifted) somewhere cheaper. DART's {@code _DARTCD} rows (analytic boxes) are the
 * fair collision reference.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar contactWorldStep -p debug=false -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ContactWorldStepBenchmark {

    @Param({"stack", "grid"})
    public String layout;

    @Param({"10", "50"})
    public int boxes;

    @Param({"HEAP", "INLINE", "HIERARCHICAL"})
    public String allocation;

    @Param({"false", "true"})
    public boolean debug;

    /** Steps taken before timing, so contacts are established (DART's program: 200). */
    @Param({"200"})
    public int settleSteps;

    private WorldScenes.ResettingWorld world;

    @Setup(Level.Trial)
    public void build() {
        int height = switch (layout) {
            case "stack" -> 5;
            case "grid" -> 1;
            default -> throw new IllegalArgumentException("layout must be stack or grid, got '" + layout + "'");
        };
        World scene = WorldScenes.boxWorld(WorldScenes.config(allocation, debug), boxes, height);
        for (int i = 0; i < settleSteps; i++) {
            scene.step();
        }
        world = new WorldScenes.ResettingWorld(scene);
        WorkloadMemory.watch(MemoryProbe.of(scene));
    }

    @TearDown(Level.Trial)
    public void close() {
        WorkloadMemory.freeze();
        world.world().close();
    }

    @Benchmark
    public double contactWorldStep(EngineCounters counters) {
        counters.countOperation();
        return world.step();
    }
}
