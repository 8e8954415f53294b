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
 * A second machine control for {@code parallelWorlds}, for what {@code parallelSpinControl} cannot
 * see. The spin loop is one chain of dependent multiply-adds over a few registers: it touches no
 * memory, so a cache the two vCPUs share never shows in it, and it leaves most execution units idle,
 * so it can scale by T even when the host runs two vCPUs on the two hardware threads of one core. A
 * World step is not like that: it streams through a working set of a few hundred KiB (Delassus
 * matrix, LCP, skeleton blocks) with independent arithmetic. This control does the same on purpose:
 * each thread sweeps an array of its own, {@value #WORKING_SET_KIB} KiB, with independent
 * (vectorisable) multiply-adds. On separate cores each array stays in its core's private L2 (1 MiB on
 * this machine's AMD EPYC cores) and T threads take the time of one; when two threads share one
 * core's L2 and vector units, two arrays do not fit and the time grows. So: the spin control scales
 * and this one does not, the host is sharing a core or its cache; both scale and {@code parallelWorlds}
 * does not, look at the engine.
 *
 * <p>Same thread pattern as {@code parallelWorlds}: one single-thread executor (lane) per thread,
 * each array allocated and first touched by its lane; one operation is one task per lane, timed until
 * all are done (about 0.1 s), so throughput(T) / throughput(1) = T × time(1) / time(T).
 *
 * <p>{@code parallelCacheControlPaired}: the one-thread and the T-thread operation alternately in
 * one fork ({@link PairedTimes}), the control for {@code parallelWorldsPaired}.
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar '\.parallel(SpinControl|CacheControl)$' -p threads=1,2 -f 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ParallelCacheControlBenchmark {

    /** Per thread: fits one private 1 MiB L2 with room to spare; two of them do not fit one. */
    static final int WORKING_SET_KIB = 768;
    /** Sweeps per operation: about 0.1 s on one thread of this machine, as the spin control. */
    static final int SWEEPS = 12_000;

    @Param({"1", "2", "4"})
    public int threads;

    private Lanes lanes;

    @Setup(Level.Trial)
    public void start() throws InterruptedException, ExecutionException {
        lanes = new Lanes(threads);
        for (int t = 0; t < threads; t++) {
            double[] workingSet = lanes.call(t, () -> workingSet(WORKING_SET_KIB));
            lanes.task(() -> sweep(workingSet, SWEEPS));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        lanes.shutdown();
    }

    /** An array of {@code kib} KiB of doubles, every element 1: the fixed point of {@link #sweep}, so values never drift to denormals. */
    static double[] workingSet(int kib) {
        double[] a = new double[kib * 1024 / Double.BYTES];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    /**
     * {@code sweeps} passes of {@code a[i] = a[i] × 0.999 + 0.001} over the array: independent elements,
     * so the loop is bound by the cache's bandwidth and the vector units, not by a dependency chain.
     * Returns one element to consume.
     */
    static double sweep(double[] a, int sweeps) {
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * 0.999 + 0.001;
            }
        }
        return a[a.length - 1];
    }

    @Benchmark
    public double parallelCacheControl() throws InterruptedException, ExecutionException {
        return lanes.runAll();
    }

    @Benchmark
    public double parallelCacheControlPaired(PairedTimes times) throws InterruptedException, ExecutionException {
        return times.alternate(lanes);
    }
}
