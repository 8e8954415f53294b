package org.worldbench.benchmark.memory;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/**
 * The frame allocator's two paths, each bumping {@code size} bytes aligned to 8 off a 1 MiB arena,
 * against {@code referenceBump} and {@code referenceBumpFrame} in {@link AllocatorReferenceBenchmark},
 * which do the same over a bare segment (the target: at most 1.3 times the bare bump).
 *
 * <ul>
 *   <li>{@code frameAllocateOffset}: the zero-heap path the constraint solver uses, an offset into
 *       {@code memory()};</li>
 *   <li>{@code frameAllocate}: the {@code MemorySegment} path; the slice does not escape, so the
 *       JIT removes it (0 B/op) and only the bounds of the slice cost extra.</li>
 * </ul>
 *
 * <p>Two shapes, each with its reference:
 * <ul>
 *   <li><b>One allocation per call</b> ({@code frameAllocateOffset}, {@code frameAllocate}, against
 *       {@code referenceBump}): reset when the arena is full. Here the JMH loop around the call is
 *       most of what is measured: a bare bump behind an interface with the same two checks as this
 *       benchmark (its {@code canAllocate}, then the allocator's own) and nothing else, no block
 *       count and no padding, took 1.7 ns against 0.9 ns for the bump alone (a throwaway ablation,
 *       2026-11-25), because C2 then spilled the loop's counter to the stack around the out-of-line
 *       paths (disassembly).</li>
 *   <li><b>A frame per call</b> ({@code *Frame}, against {@code referenceBumpFrame}): reset, then
 *       {@value #FRAME_BLOCKS} allocations, reported per allocation. This is how the engine uses the
 *       frame (a solver step resets it and then makes a few dozen allocations), and the reset is
 *       paid in it, as {@code used = 0} is in the reference.</li>
 * </ul>
 *
 * <p>In the one-allocation shape, the same work per operation as {@code referenceBump}: the same
 * 8-byte alignment, the same wrap test ({@code canAllocate(bytes + 8)} is its
 * {@code used + bytes + 8 > capacity}), the result returned the same way. What remains is the allocator's: its own capacity check, the block count,
 * the call through the {@link FrameAllocator} interface, and reaching its state through a field
 * ({@code referenceBumpInObject} prices that last one alone).
 *
 * <p>Why the allocation is written twice, once after the reset: the reset is an out-of-line call.
 * Written as {@code if (full) reset(); allocate}, the two paths merge after that call, and C2 then
 * checks the receiver's class a second time and reloads the cursor on every allocation (seen in
 * the disassembly, 2026-11-25). That cost belongs to the benchmark's control flow, not to the
 * allocator. The engine resets its frame once per step and then only allocates
 * ({@code FrameWorkspace.alloc}), so this shape is also the one the engine runs. Results before
 * 2026-11-25 used the merged shape.
 *
 * <p>HOW TO RUN: see {@link AllocatorBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class FrameAllocatorBenchmark {

    static final long ARENA_BYTES = 1L << 20;
    /** Allocations per frame in the {@code *Frame} benchmarks; at 4096 B they take a quarter of the arena. */
    static final int FRAME_BLOCKS = 64;

    @Param({"00016", "00064", "00256", "01024", "04096"})
    public String size;

    private long bytes;
    private FrameAllocator frame;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Long.parseLong(size);
        frame = Allocators.frame(MemoryAllocator.defaultAllocator(), ARENA_BYTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (frame.overflowCount() != 0) {
            throw new IllegalStateException("the benchmark must not overflow the arena: " + frame);
        }
        frame.close();
    }

    @Benchmark
    public long frameAllocateOffset() {
        FrameAllocator f = frame;
        long n = bytes;
        if (f.canAllocate(n + 8)) {
            return f.allocateOffset(n, 8);
        }
        f.reset();
        return f.allocateOffset(n, 8);
    }

    @Benchmark
    public long frameAllocate() {
        FrameAllocator f = frame;
        long n = bytes;
        if (f.canAllocate(n + 8)) {
            return f.allocate(n, 8).address();
        }
        f.reset();
        return f.allocate(n, 8).address();
    }

    @Benchmark
    @OperationsPerInvocation(FRAME_BLOCKS)
    public long frameAllocateOffsetFrame() {
        FrameAllocator f = frame;
        f.reset();
        long n = bytes;
        long sum = 0;
        for (int i = 0; i < FRAME_BLOCKS; i++) {
            sum += f.allocateOffset(n, 8);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(FRAME_BLOCKS)
    public long frameAllocateFrame() {
        FrameAllocator f = frame;
        f.reset();
        long n = bytes;
        long sum = 0;
        for (int i = 0; i < FRAME_BLOCKS; i++) {
            sum += f.allocate(n, 8).address();
        }
        return sum;
    }
}
