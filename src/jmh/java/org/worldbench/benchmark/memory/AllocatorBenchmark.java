package org.worldbench.benchmark.memory;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.MemoryAllocator;

/**
 * Allocate-then-free of one block, for each allocator that frees block by block.
 *
 * <p>The story: an engine allocates and frees small blocks all the time (bodies, shapes, contact
 * manifolds). Each allocator here serves the same request sequence: allocate {@code size} bytes
 * aligned to 8, read its address, free it. The segment does not escape, so on a JIT-compiled
 * path the {@code MemorySegment} object costs nothing ({@code gc.alloc.rate.norm} = 0); compare
 * with {@link AllocatorReferenceBenchmark}, run in the same invocation, for what "fast" means:
 * {@code referenceMallocFree} is what {@code free-list} must beat, {@code referenceBump} is the
 * floor.
 *
 * <ul>
 *   <li>{@code default}: the process-wide base, malloc/free through the FFM linker plus atomic
 *       counters;</li>
 *   <li>{@code free-list}: the free list over the default allocator (a churn on a fresh chunk is
 *       its best case: the block is carved from and merged back into one big free block);</li>
 *   <li>{@code pool}: the size-class pool over a free list (4096 bytes goes to the free list);</li>
 *   <li>{@code debug-pool}: the pool's debug variant, to show what debug mode costs.</li>
 * </ul>
 *
 * <p>Every parameter combination runs in a fork of its own, so each call site sees one allocator
 * class, as in a World.
 *
 * <p>HOW TO RUN (whole allocator table, about 8 minutes on 2 cores):
 * <pre>
 * ./mvnw -B -q package -DskipTests
 * java -jar target/benchmarks.jar 'org.worldbench.benchmark.memory' -prof gc -rf json -rff allocators.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class AllocatorBenchmark {

    @Param({"default", "free-list", "pool", "debug-pool"})
    public String allocator;

    /** Bytes per block, zero-padded so reports sort. */
    @Param({"00016", "00064", "00256", "01024", "04096"})
    public String size;

    private long bytes;
    private MemoryAllocator parent;
    private MemoryAllocator target;

    @Setup(Level.Trial)
    public void setUp() {
        bytes = Long.parseLong(size);
        MemoryAllocator base = MemoryAllocator.defaultAllocator();
        switch (allocator) {
            case "default" -> target = base;
            case "free-list" -> target = Allocators.freeList(base);
            case "pool" -> {
                parent = Allocators.freeList(base);
                target = Allocators.pool(parent);
            }
            case "debug-pool" -> {
                parent = Allocators.freeList(base);
                target = Allocators.debug(Allocators.pool(parent));
            }
            default -> throw new IllegalArgumentException("unknown allocator parameter: " + allocator
                    + " (expected default, free-list, pool or debug-pool)");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
        if (parent != null) {
            parent.close();
        }
    }

    @Benchmark
    public long allocateFree() {
        MemorySegment block = target.allocate(bytes, 8);
        long address = block.address();
        target.deallocate(block);
        return address;
    }
}
