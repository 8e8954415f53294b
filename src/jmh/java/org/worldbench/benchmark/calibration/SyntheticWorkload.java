package org.worldbench.benchmark.calibration;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A calibrated synthetic workload: deterministic CPU work whose time grows by exactly
 * {@code slowdown} percent. It is the platform's ruler: the verdict statistics are judged by how
 * often they flag {@code slowdown = 0} (false positives) and how reliably they flag 2, 5 and 10%
 * (power), and the experiment job's own tests run it because it needs nothing from the engine.
 *
 * <p>Why the time is proportional to the work: each step of the loop is one xorshift round whose
 * input is the previous round's output, a serial dependency chain the CPU cannot overlap or
 * vectorise and the JIT cannot fold (the seed comes from a non-final field and the result is
 * returned to JMH). {@code size} rounds are the base work; {@code size * slowdown / 100} more rounds
 * of the same loop are the slowdown, so the ratio of work is {@code 1 + slowdown / 100} exactly and
 * the ratio of time equals it up to the constant call overhead (a few ns against ~25 us at the
 * default size).
 *
 * <p>HOW TO RUN: {@code java -jar target/benchmarks.jar synthetic -f 3 -wi 5 -i 10 -prof gc}; or an
 * experiment spec naming {@code synthetic} (see {@code config/experiments/quick.yaml}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SyntheticWorkload {

    /** Extra work in percent of the base work: 0 is the reference. */
    @Param({"0", "2", "5", "10"})
    public int slowdown;

    /** Base work in xorshift rounds (a few ns each: three dependent operations). */
    @Param({"10000"})
    public int size;

    private long seed;
    private long rounds;

    @Setup
    public void setUp() {
        if (slowdown < 0 || size <= 0) {
            throw new IllegalArgumentException("slowdown must be >= 0 and size > 0, got slowdown=" + slowdown
                    + " size=" + size);
        }
        seed = 0x9E3779B97F4A7C15L;
        // Integer arithmetic: exactly size * (100 + slowdown) / 100 rounds, no floating-point rounding.
        rounds = (long) size * (100 + slowdown) / 100;
    }

    @Benchmark
    public long synthetic() {
        return work(seed, rounds);
    }

    /** {@code rounds} dependent xorshift64 rounds starting from {@code x}. */
    static long work(long x, long rounds) {
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
