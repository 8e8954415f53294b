package org.worldbench.benchmark.support;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Where a benchmark tells {@link EngineCounters} what memory to read: the benchmark's trial set-up
 * takes this state and calls {@link #watch}; its trial tear-down calls {@link #freeze()} before it
 * closes the memory. (JMH does not let a benchmark's own set-up take the {@code @AuxCounters} state,
 * so the two meet here; and JMH reads the counters of the last iteration after the trial tear-down,
 * hence the frozen copy.)
 */
@State(Scope.Thread)
public class WorkloadMemory {

    private MemoryProbe probe = MemoryProbe.NONE;

    public void watch(MemoryProbe source) {
        probe = source;
    }

    /** Replaces the live probe by its current values: call before closing what it reads. */
    public void freeze() {
        probe = MemoryProbe.snapshot(probe);
    }

    MemoryProbe probe() {
        return probe;
    }
}
