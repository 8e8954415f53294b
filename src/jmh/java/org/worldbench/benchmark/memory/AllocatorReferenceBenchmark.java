package org.worldbench.benchmark.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
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

/**
 * References for {@link AllocatorBenchmark} and {@link FrameAllocatorBenchmark}, measured in the
 * same run so ratios hold on a noisy machine (after {@code ../shared/anchors/java}):
 *
 * <ul>
 *   <li>{@code referenceBump}: the physical limit, a bare bump of an offset over a 1 MiB segment
 *       that wraps when full; no checks, no counters;</li>
 *   <li>{@code referenceBumpFrame}: the bare bump in the shape of an engine step, the reference of
 *       {@link FrameAllocatorBenchmark}'s {@code *Frame} rows: start over, then
 *       {@value FrameAllocatorBenchmark#FRAME_BLOCKS} bumps, reported per bump;</li>
 *   <li>{@code referenceBumpInObject}: the same bump with its cursor and capacity in an object of
 *       its own, reached through a field of the benchmark state, which is how every allocator
 *       benchmark reaches its allocator; the difference to {@code referenceBump} is the price of
 *       that extra load, paid by the benchmark's shape, not by an allocator's work;</li>
 *   <li>{@code referenceMallocFree}: glibc malloc + free through FFM downcalls with
 *       {@code Linker.Option.critical(false)}, the cheapest downcall there is, without the
 *       counters of worldbench's default allocator;</li>
 *   <li>{@code referenceConfinedArena}: what "just use an Arena" costs when lifetimes are short:
 *       open, allocate (malloc + zeroing), close;</li>
 *   <li>{@code referenceNewByteArray}: the Java heap (TLAB bump + zeroing), paid later by the GC,
 *       which shows in {@code gc.alloc.rate.norm}.</li>
 * </ul>
 *
 * <p>HOW TO RUN: see {@link AllocatorBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class AllocatorReferenceBenchmark {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().find("malloc").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_LONG), Linker.Option.critical(false));
    private static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(ADDRESS), Linker.Option.critical(false));

    @Param({"00016", "00064", "00256", "01024", "04096"})
    public String size;

    private long bytes;
    private Arena bumpArena;
    private long bumpCapacity;
    private long bumpUsed;
    private BareBump bareBump;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Long.parseLong(size);
        bumpArena = Arena.ofConfined();
        bumpCapacity = bumpArena.allocate(FrameAllocatorBenchmark.ARENA_BYTES, 64).byteSize();
        bareBump = new BareBump(bumpCapacity);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bumpArena.close();
    }

    @Benchmark
    public long referenceBump() {
        if (bumpUsed + bytes + 8 > bumpCapacity) {
            bumpUsed = 0;
        }
        long start = (bumpUsed + 7) & -8L;
        bumpUsed = start + bytes;
        return start;
    }

    @Benchmark
    @OperationsPerInvocation(FrameAllocatorBenchmark.FRAME_BLOCKS)
    public long referenceBumpFrame() {
        bumpUsed = 0;
        long n = bytes;
        long sum = 0;
        for (int i = 0; i < FrameAllocatorBenchmark.FRAME_BLOCKS; i++) {
            if (bumpUsed + n + 8 > bumpCapacity) {
                bumpUsed = 0;
            }
            long start = (bumpUsed + 7) & -8L;
            bumpUsed = start + n;
            sum += start;
        }
        return sum;
    }

    @Benchmark
    public long referenceBumpInObject() {
        return bareBump.allocate(bytes);
    }

    /** {@code referenceBump}'s arithmetic in an object of its own, like an allocator's state. */
    private static final class BareBump {
        private final long capacity;
        private long used;

        BareBump(long capacity) {
            this.capacity = capacity;
        }

        long allocate(long bytes) {
            if (used + bytes + 8 > capacity) {
                used = 0;
            }
            long start = (used + 7) & -8L;
            used = start + bytes;
            return start;
        }
    }

    @Benchmark
    public long referenceMallocFree() throws Throwable {
        MemorySegment block = (MemorySegment) MALLOC.invokeExact(bytes);
        long address = block.address();
        FREE.invokeExact(block);
        return address;
    }

    @Benchmark
    public long referenceConfinedArena() {
        try (Arena arena = Arena.ofConfined()) {
            return arena.allocate(bytes, 8).address();
        }
    }

    @Benchmark
    public byte[] referenceNewByteArray() {
        return new byte[(int) bytes];
    }
}
