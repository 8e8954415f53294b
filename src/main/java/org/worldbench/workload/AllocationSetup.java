package org.worldbench.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.memory.FailureCollector;
import org.worldbench.memory.AllocatorMetrics;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryManager;
import org.worldbench.memory.MemoryOptions;
import org.worldbench.simulation.Allocation;

/**
 * Gives skeletons built outside a World their storage, in one of the World's three
 * {@link Allocation} configurations, optionally debug-wrapped:
 * <ul>
 * <li>{@code HEAP}: a Java array per skeleton, no allocator ({@code debug} has nothing to wrap and is
 *     ignored);</li>
 * <li>{@code INLINE}: each skeleton gets a free list of its own on the default base (1 MiB chunk
 *     reserved per skeleton, as the replaced design did), closed with the skeleton by {@link #close(Skeleton)};</li>
 * <li>{@code HIERARCHICAL}: every skeleton borrows the free list of one {@link MemoryManager} the
 *     setup owns, as a World's skeletons do.</li>
 * </ul>
 * With {@code debug} every allocator is its debug variant (guards, a confined arena per block, leak
 * report on close), so kernels touch memory through checked segments, as a debug World's would.
 *
 * <p>Lifetime: close skeletons before the setup ({@link #close(Skeleton)}, or {@code Skeleton.close()}
 * and then {@link #close()}); in debug mode a skeleton still open at {@link #close()} is a leak and
 * fails with a report naming the allocator. Single-threaded, like the allocators it builds (debug
 * allocators are confined to the thread that created the setup).
 */
public final class AllocationSetup implements SkeletonFactory, AutoCloseable {

    private final Allocation allocation;
    private final boolean debug;
    /** HIERARCHICAL's shared hierarchy; null otherwise. */
    private final MemoryManager manager;
    /** INLINE's allocator of each live skeleton. */
    private final Map<Skeleton, MemoryAllocator> ownAllocators = new IdentityHashMap<>();
    private boolean closed;

    private AllocationSetup(Allocation allocation, boolean debug) {
        this.allocation = Objects.requireNonNull(allocation, "allocation");
        this.debug = debug;
        this.manager = allocation == Allocation.HIERARCHICAL
                ? new MemoryManager(MemoryAllocator.defaultAllocator(),
                        MemoryOptions.release().withDebug(debug), "workload")
                : null;
    }

    public static AllocationSetup of(Allocation allocation, boolean debug) {
        return new AllocationSetup(allocation, debug);
    }

    /** From a benchmark's parameters, e.g. {@code of("INLINE", false)}; a bad name fails naming it. */
    public static AllocationSetup of(String allocation, boolean debug) {
        return new AllocationSetup(parse(allocation), debug);
    }

    /**
     * Parses an {@code allocation} parameter ("HEAP", "inline", …).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Allocation parse(String value) {
        try {
            return Allocation.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("allocation must be one of " + Arrays.toString(Allocation.values())
                    + ", got '" + value + "'", e);
        }
    }

    public Allocation allocation() {
        return allocation;
    }

    /** Whether allocators are debug-wrapped (always false for HEAP, which has none). */
    public boolean debug() {
        return debug && allocation != Allocation.HEAP;
    }

    public StateStorage storage() {
        return allocation == Allocation.HEAP ? StateStorage.HEAP : StateStorage.OFF_HEAP;
    }

    /** HIERARCHICAL's memory manager; null in the other configurations. */
    public MemoryManager memoryManager() {
        return manager;
    }

    @Override
    public Skeleton create(String name) {
        return adopt(new Skeleton(name, storage()));
    }

    /**
     * Gives an already built skeleton (e.g. loaded from URDF) this configuration's allocator: its
     * block moves there (records copied). Returns {@code skeleton}.
     *
     * @throws IllegalArgumentException if the skeleton's storage is not {@link #storage()}
     */
    public Skeleton adopt(Skeleton skeleton) {
        if (closed) {
            throw new IllegalStateException("allocation setup " + this + " is closed");
        }
        if (skeleton.storage() != storage()) {
            throw new IllegalArgumentException("skeleton '" + skeleton.name() + "' keeps its state " + skeleton.storage()
                    + ", but allocation " + allocation + " needs " + storage());
        }
        switch (allocation) {
            case HEAP -> {
            }
            case HIERARCHICAL -> skeleton.setBaseAllocator(manager.getFreeListAllocator());
            case INLINE -> {
                MemoryAllocator own = Allocators.freeList(MemoryAllocator.defaultAllocator(),
                        "free-list(" + skeleton.name() + ")");
                if (debug) {
                    own = Allocators.debug(own);
                }
                skeleton.setBaseAllocator(own);
                ownAllocators.put(skeleton, own);
            }
        }
        return skeleton;
    }

    /** Closes {@code skeleton} and, in INLINE, the allocator it owns. */
    public void close(Skeleton skeleton) {
        skeleton.close();
        MemoryAllocator own = ownAllocators.remove(skeleton);
        if (own != null) {
            own.close();
        }
    }

    /**
     * The allocators skeletons draw from right now, for metrics: the manager's (base view, free list,
     * pool, frame) in HIERARCHICAL, one per live skeleton in INLINE, none in HEAP.
     */
    public List<MemoryAllocator> allocators() {
        if (manager != null) {
            return List.of(manager.getBaseAllocator(), manager.getFreeListAllocator(), manager.getPoolAllocator(),
                    manager.getFrameAllocator());
        }
        return new ArrayList<>(ownAllocators.values());
    }

    /**
     * Bytes the setup's allocators hold from the default base: the manager's free-list chunks, frame
     * arena and direct base blocks in HIERARCHICAL (the pool lives inside the free list, not counted
     * twice); one free list's chunks per live skeleton in INLINE; 0 in HEAP.
     */
    public long reservedBytes() {
        if (manager != null) {
            return manager.getBaseAllocator().metrics().reservedBytes()
                    + manager.getFreeListAllocator().metrics().reservedBytes()
                    + manager.getFrameAllocator().metrics().reservedBytes();
        }
        return sum(AllocatorMetrics::reservedBytes);
    }

    /**
     * Closes every allocator the setup owns. INLINE allocators of skeletons not closed by
     * {@link #close(Skeleton)} are closed too (their skeletons become unusable). In debug mode, blocks
     * still live are reported as leaks ({@link org.worldbench.memory.MemoryMisuseException}). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FailureCollector failures = new FailureCollector();
        ownAllocators.values().forEach(allocator -> failures.run(allocator::close));
        ownAllocators.clear();
        if (manager != null) {
            failures.run(manager::close);
        }
        failures.throwIfAny();
    }

    /** Sum of a metric over {@link #allocators()}. */
    public long sum(ToLongFunction<AllocatorMetrics> metric) {
        long sum = 0;
        for (MemoryAllocator a : allocators()) {
            sum += metric.applyAsLong(a.metrics());
        }
        return sum;
    }

    @Override
    public String toString() {
        return allocation + (debug() ? "+debug" : "");
    }
}
