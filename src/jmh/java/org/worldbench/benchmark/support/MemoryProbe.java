package org.worldbench.benchmark.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.memory.AllocatorMetrics;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryManager;
import org.worldbench.simulation.World;
import org.worldbench.workload.AllocationSetup;

/**
 * What {@link EngineCounters} reads from a workload's memory: live totals over the allocators the
 * workload draws from. Read once per iteration, never per operation.
 *
 * @param allocations        allocations served so far by the workload's allocators
 * @param reservedBytes      bytes the workload's allocators hold from the base right now
 * @param liveBlocks         blocks handed out and not yet freed right now
 * @param frameHighWaterMark the most bytes one frame (one step) has needed; 0 without a frame
 * @param frameOverflows     frame requests that did not fit the arena, so far; 0 without a frame
 */
public record MemoryProbe(LongSupplier allocations, LongSupplier reservedBytes, LongSupplier liveBlocks,
        LongSupplier frameHighWaterMark, LongSupplier frameOverflows) {

    private static final LongSupplier ZERO = () -> 0;

    /** Nothing to read: every counter is 0. */
    public static final MemoryProbe NONE = new MemoryProbe(ZERO, ZERO, ZERO, ZERO, ZERO);

    /** The allocators of a standalone {@link AllocationSetup} (its manager's frame, if any). */
    public static MemoryProbe of(AllocationSetup setup) {
        MemoryManager manager = setup.memoryManager();
        FrameAllocator frame = manager == null ? null : manager.getFrameAllocator();
        return new MemoryProbe(() -> setup.sum(AllocatorMetrics::allocationCount), setup::reservedBytes,
                () -> setup.sum(AllocatorMetrics::liveBlocks), frame == null ? ZERO : frame::highWaterMark,
                frame == null ? ZERO : frame::overflowCount);
    }

    /**
     * A World's memory: its manager's allocators (base view, free list, pool, frame) and, in INLINE,
     * the free list each skeleton owns. The frame counters read the manager's frame, which is the
     * solver's in HIERARCHICAL (an INLINE solver owns a frame the World does not show).
     */
    public static MemoryProbe of(World world) {
        MemoryManager manager = world.getMemoryManager();
        FrameAllocator frame = manager.getFrameAllocator();
        // the pool lives inside the free list: its reserved bytes are not counted twice
        List<MemoryAllocator> fromBase = List.of(manager.getBaseAllocator(), manager.getFreeListAllocator(), frame);
        List<MemoryAllocator> counted = List.of(manager.getBaseAllocator(), manager.getFreeListAllocator(),
                manager.getPoolAllocator(), frame);
        return new MemoryProbe(() -> sum(counted, world, AllocatorMetrics::allocationCount),
                () -> sum(fromBase, world, AllocatorMetrics::reservedBytes),
                () -> sum(counted, world, AllocatorMetrics::liveBlocks), frame::highWaterMark, frame::overflowCount);
    }

    /**
     * The base allocator itself, for workloads whose Worlds live shorter than an iteration: what
     * every World asks of the system allocator. No frame.
     */
    public static MemoryProbe ofBase(MemoryAllocator base) {
        AllocatorMetrics m = base.metrics();
        return new MemoryProbe(m::allocationCount, m::reservedBytes, m::liveBlocks, ZERO, ZERO);
    }

    /** Several probes as one (e.g. one per World of a parallel workload); the high-water mark is the largest. */
    public static MemoryProbe sum(MemoryProbe... probes) {
        return new MemoryProbe(() -> total(probes, MemoryProbe::allocations),
                () -> total(probes, MemoryProbe::reservedBytes), () -> total(probes, MemoryProbe::liveBlocks),
                () -> {
                    long max = 0;
                    for (MemoryProbe p : probes) {
                        max = Math.max(max, p.frameHighWaterMark.getAsLong());
                    }
                    return max;
                }, () -> total(probes, MemoryProbe::frameOverflows));
    }

    /** The values this probe reads now, fixed. */
    public MemoryProbe snapshot() {
        long a = allocations.getAsLong();
        long r = reservedBytes.getAsLong();
        long b = liveBlocks.getAsLong();
        long h = frameHighWaterMark.getAsLong();
        long o = frameOverflows.getAsLong();
        return new MemoryProbe(() -> a, () -> r, () -> b, () -> h, () -> o);
    }

    private static long total(MemoryProbe[] probes, Function<MemoryProbe, LongSupplier> counter) {
        long sum = 0;
        for (MemoryProbe p : probes) {
            sum += counter.apply(p).getAsLong();
        }
        return sum;
    }

    /** {@code metric} over {@code managerAllocators} plus, in INLINE, the free list each skeleton owns. */
    private static long sum(List<MemoryAllocator> managerAllocators, World world, ToLongFunction<AllocatorMetrics> metric) {
        long sum = 0;
        for (MemoryAllocator a : managerAllocators) {
            sum += metric.applyAsLong(a.metrics());
        }
        MemoryAllocator shared = world.getMemoryManager().getFreeListAllocator();
        List<MemoryAllocator> seen = new ArrayList<>();
        for (Skeleton s : world.getSkeletons()) {
            MemoryAllocator own = s.baseAllocator();
            if (own != shared && own != MemoryAllocator.defaultAllocator() && !seen.contains(own)) {
                seen.add(own);
                sum += metric.applyAsLong(own.metrics());
            }
        }
        return sum;
    }
}
