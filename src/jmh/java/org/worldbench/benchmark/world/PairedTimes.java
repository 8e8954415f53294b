package org.worldbench.benchmark.world;

import java.util.concurrent.ExecutionException;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One thread and T threads measured in the same fork, alternately: the paired benchmarks
 * ({@code parallelWorldsPaired}, {@code parallelSpinControlPaired}, {@code parallelCacheControlPaired})
 * run, per invocation, the one-thread operation (one lane's task alone, {@link Lanes#runOne}) and the
 * T-thread operation (every lane's task at once, {@link Lanes#runAll}), each timed on its own, and
 * export both mean times per iteration as JMH {@code @AuxCounters} (sample 23):
 *
 * <ul>
 * <li>{@code oneThreadMs}: mean wall time of this iteration's one-thread operations, ms;</li>
 * <li>{@code allThreadsMs}: mean wall time of its T-thread operations, ms;</li>
 * <li>{@code pairs}: how many of each the iteration held.</li>
 * </ul>
 *
 * <p>Why: measured as separate trials, threads=1 and threads=2 ran in different JVMs, and on the
 * shared VM the time of memory-touching work differs from JVM to JVM by up to 4× while the iterations
 * of one JVM agree (docs/performance.md, issue 6): the ratio of two trials' medians inherited that
 * spread. Here both operations share the JVM, its heap and native memory, its JIT code and the same
 * second of the host, so {@code worldbench scaling} forms T × oneThreadMs / allThreadsMs per iteration
 * and bootstraps those ratios over forks, then iterations.
 *
 * <p>Balance: the lane that runs alone rotates (lane 0, 1, …), so the one-thread time is every
 * World's, not the first one's; and the order flips after each rotation (one-then-all, then
 * all-then-one), so neither operation always follows the other (a collection triggered by one, a
 * cache the other just warmed). JMH's two-method {@code @Group} would not do: its methods run
 * concurrently, not alternately.
 *
 * <p>These are {@code EVENTS} counters: JMH's printed summary adds them over iterations; read the
 * per-iteration values (JMH JSON {@code rawData}, the platform's samples).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairedTimes {

    /** Pairs (one one-thread and one T-thread operation) in this iteration. */
    public long pairs;

    private long oneThreadNanos;
    private long allThreadsNanos;
    /** Invocations so far in the trial (not reset per iteration): picks the solo lane and the order. */
    private long invocation;

    @Setup(Level.Iteration)
    public void reset() {
        pairs = 0;
        oneThreadNanos = 0;
        allThreadsNanos = 0;
    }

    public double oneThreadMs() {
        return pairs == 0 ? Double.NaN : oneThreadNanos / 1e6 / pairs;
    }

    public double allThreadsMs() {
        return pairs == 0 ? Double.NaN : allThreadsNanos / 1e6 / pairs;
    }

    /** One pair: the one-thread and the T-thread operation, in this invocation's order; the sum of their results. */
    double alternate(Lanes lanes) throws InterruptedException, ExecutionException {
        int soloLane = (int) (invocation % lanes.size());
        boolean oneFirst = (invocation / lanes.size()) % 2 == 0;
        invocation++;
        double sum = 0;
        if (oneFirst) {
            sum += timeOne(lanes, soloLane);
        }
        long start = System.nanoTime();
        sum += lanes.runAll();
        allThreadsNanos += System.nanoTime() - start;
        if (!oneFirst) {
            sum += timeOne(lanes, soloLane);
        }
        pairs++;
        return sum;
    }

    private double timeOne(Lanes lanes, int lane) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        double result = lanes.runOne(lane);
        oneThreadNanos += System.nanoTime() - start;
        return result;
    }
}
