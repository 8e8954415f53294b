package org.worldbench.benchmark.support;

/**
 * Where a benchmark tells {@link EngineCounters} what memory to read: its trial set-up calls
 * {@link #watch}, its trial tear-down calls {@link #freeze()} before closing that memory.
 *
 * <p>Why a thread-local and not a JMH state: JMH refuses the {@code @AuxCounters} state as an
 * argument of a benchmark's set-up, and a {@code Scope.Thread} state injected into two set-ups is
 * instantiated twice, so the two would never meet. Set-ups and the benchmark method of a
 * {@code Scope.Thread} benchmark all run on its worker thread. And JMH reads the last iteration's
 * counters after the trial tear-down, hence the frozen copy.
 */
public final class WorkloadMemory {

    private static final ThreadLocal<WorkloadMemory> CURRENT = ThreadLocal.withInitial(WorkloadMemory::new);

    private MemoryProbe probe = MemoryProbe.NONE;

    private WorkloadMemory() {
    }

    /** From now on, {@link EngineCounters} on this thread read {@code source}. */
    public static void watch(MemoryProbe source) {
        CURRENT.get().probe = source;
    }

    /** Replaces this thread's probe by its current values: call before closing what it reads. */
    public static void freeze() {
        WorkloadMemory memory = CURRENT.get();
        memory.probe = memory.probe.snapshot();
    }

    static WorkloadMemory current() {
        return CURRENT.get();
    }

    MemoryProbe probe() {
        return probe;
    }
}
