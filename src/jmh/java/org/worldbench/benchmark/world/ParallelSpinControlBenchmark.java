package org.worldbench.benchmark.world;

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

/**
 * The machine control for {@code parallelWorlds}, as DART's {@code BM_ParallelSpinControl}: T
 * threads each run the same pure arithmetic loop (40 million dependent multiply-adds with a square
 * root, about 0.1 s), and one operation is the wall time until all T are done. On a machine with T
 * real cores the time stays that of one thread; a shared VM whose second vCPU is not really parallel
 * shows it here first. Trust a parallelWorlds scaling only when this control scales in the same run.
 * The same thread pattern as {@code parallelWorlds}: one single-thread executor (lane) per thread,
 * each operation one task per lane.
 *
 * <p>{@code parallelSpinControlPaired}: the control for {@code parallelWorldsPaired}, the one-thread
 * and the T-thread operation alternately in one fork ({@link PairedTimes}).
 *
 * <p>No {@code allocation} parameter: the loop touches no engine memory.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar '\.parallelSpinControl$' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ParallelSpinControlBenchmark {

    /** DART's loop length. */
    static final long SPINS = 40_000_000L;

    @Param({"1", "2", "4"})
    public int threads;

    private Lanes lanes;

    @Setup(Level.Trial)
    public void start() {
        lanes = new Lanes(threads);
        for (int t = 0; t < threads; t++) {
            double seed = 1.0 + t;
            lanes.task(() -> spin(seed, SPINS));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        lanes.shutdown();
    }

    /** DART's loop: {@code x = x * 0.9999999 + 1e-7 * sqrt(i)}. */
    static double spin(double x, long spins) {
        for (long i = 0; i < spins; i++) {
            x = x * 0.9999999 + 1e-7 * Math.sqrt((double) i);
        }
        return x;
    }

    @Benchmark
    public double parallelSpinControl() throws InterruptedException, ExecutionException {
        return lanes.runAll();
    }

    @Benchmark
    public double parallelSpinControlPaired(PairedTimes times) throws InterruptedException, ExecutionException {
        return times.alternate(lanes);
    }
}
