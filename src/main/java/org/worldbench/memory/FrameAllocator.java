package org.worldbench.memory;

import java.lang.foreign.MemorySegment;

/**
 * Scratch memory for one frame (one {@code World.step}): blocks are bumped off an arena and all
 * released together by {@link #reset()}; {@link #deallocate} does nothing.
 *
 * <p>Lifetime contract (after Jolt's {@code TempAllocator}): everything allocated since the last
 * {@code reset()} is valid until the next {@code reset()}. The World resets its solver's frame at
 * the start of every step, so no frame memory outlives the step that asked for it. Single-threaded:
 * one owner at a time.
 *
 * <p>Two ways to allocate:
 * <ul>
 *   <li>{@link #allocate(long, long)}: a {@link MemorySegment} slice, convenient, but the slice is a
 *       Java object (about 40 bytes of heap unless the JIT removes it);</li>
 *   <li>{@link #allocateOffset(long, long)}: the zero-heap path for per-step code. It returns a
 *       byte offset into {@link #memory()}, which the caller reads and writes with
 *       {@code ValueLayout} accessors, e.g. {@code frame.memory().setAtIndex(JAVA_DOUBLE, (off >> 3) + i, x)}
 *       or {@code memory.get(JAVA_DOUBLE, off + 8L * i)}.</li>
 * </ul>
 *
 * <p>Overflow: a request that does not fit is still served and counted in
 * {@link #overflowCount()}. A segment request is served from the base allocator and freed at the
 * next reset; an offset request moves the arena to a larger one right away (copying the bytes in
 * use, so every offset handed out stays valid; {@link #memory()} then returns the new arena, so
 * fetch it after your allocations, not before). At {@code reset()} the arena grows to
 * {@code max(2 × capacity, used + overflow bytes + 256)} when the frame overflowed, so a workload
 * whose per-frame need is steady stops overflowing after a step or two. Steady state allocates no
 * Java heap on the offset path nor in {@code reset()}.
 */
public interface FrameAllocator extends MemoryAllocator {

    /** Alignment of the arena's first byte, and the largest alignment {@link #allocateOffset} accepts. */
    long ARENA_ALIGNMENT = 64;

    /**
     * Bumps {@code byteSize} bytes aligned to {@code byteAlignment} (a power of two, at most
     * {@value #ARENA_ALIGNMENT}) off the arena and returns their byte offset in {@link #memory()}.
     * Allocates nothing on the Java heap unless the arena has to grow.
     */
    long allocateOffset(long byteSize, long byteAlignment);

    /**
     * The arena in which {@link #allocateOffset} offsets are valid: {@link #capacity()} bytes,
     * {@value #ARENA_ALIGNMENT}-aligned. The same object until the arena grows (after an offset
     * overflow, or at a reset after an overflow).
     */
    MemorySegment memory();

    /** Releases everything allocated since the last reset, and grows the arena if the frame overflowed. */
    void reset();

    /** Arena bytes bumped since the last reset, alignment padding included (overflow not included). */
    long used();

    /** Arena size in bytes. */
    long capacity();

    /** The most bytes any frame needed so far: arena bytes used plus bytes served as overflow. */
    long highWaterMark();

    /** Requests that did not fit in the arena, since creation. Constant in a steady workload. */
    long overflowCount();

    /** Whether {@code byteSize} more bytes (alignment 1) fit in the arena without overflow. */
    boolean canAllocate(long byteSize);

    /** Whether {@code segment} lies in this frame's arena or in one of its current overflow blocks. */
    boolean owns(MemorySegment segment);
}
