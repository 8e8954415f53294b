package org.worldbench.benchmark.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's memory counters next to the time, one value per iteration (JMH sample 23): a
 * benchmark's trial set-up names the memory to read ({@link WorkloadMemory#watch}), and the
 * benchmark method takes this state and calls {@link #countOperation()} once per operation.
 *
 * <ul>
 * <li>{@code ops}: operations in the iteration (JMH resets it at every iteration start);</li>
 * <li>{@code allocationsPerOp}: allocator requests per operation (0 for kernels, a handful per
 *     World step, many per lifecycle operation);</li>
 * <li>{@code reservedBytes}: bytes the workload's allocators hold from the base at iteration end
 *     (INLINE's chunk per skeleton shows here);</li>
 * <li>{@code liveBlocks}: blocks handed out and not freed at iteration end;</li>
 * <li>{@code frameHighWaterMark}: the most bytes one step's frame needed;</li>
 * <li>{@code frameOverflows}: frame requests that missed the arena during the iteration (0 in a
 *     steady workload).</li>
 * </ul>
 * These are {@code EVENTS} counters: JMH's printed summary <em>adds</em> them over iterations; the
 * per-iteration values (JMH JSON {@code rawData}, the platform's samples) are the ones to read.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class EngineCounters {

    /** Operations in this iteration; the benchmark method counts them. */
    public long ops;

    private WorkloadMemory memory;
    private long allocationsAtStart;
    private long overflowsAtStart;

    /** Runs after every trial set-up, so the benchmark has said what to watch. */
    @Setup(Level.Iteration)
    public void start() {
        WorkloadMemory workload = WorkloadMemory.current();
        memory = workload;
        allocationsAtStart = workload.probe().allocations().getAsLong();
        overflowsAtStart = workload.probe().frameOverflows().getAsLong();
    }

    /** One operation done: a field increment, negligible next to any engine operation. */
    public void countOperation() {
        ops++;
    }

    public double allocationsPerOp() {
        return ops == 0 ? 0 : (double) (memory.probe().allocations().getAsLong() - allocationsAtStart) / ops;
    }

    public long reservedBytes() {
        return memory.probe().reservedBytes().getAsLong();
    }

    public long liveBlocks() {
        return memory.probe().liveBlocks().getAsLong();
    }

    public long frameHighWaterMark() {
        return memory.probe().frameHighWaterMark().getAsLong();
    }

    public long frameOverflows() {
        return memory.probe().frameOverflows().getAsLong() - overflowsAtStart;
    }
}
