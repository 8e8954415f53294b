package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The allocator fast paths allocate nothing on the Java heap in steady state, measured with the
 * thread's allocated-bytes counter (as Pinocchio's {@code test_crba_malloc} forbids malloc).
 *
 * <p>The frame's offset path and reset create no object at all: interpreted, a round allocates at
 * most what the JVM itself needs once (far less than one object per hundred operations); compiled,
 * nothing, whatever else runs in the JVM. This is the path for per-step code.
 *
 * <p>The segment paths hand out a {@code MemorySegment}, which costs no heap only once the JIT has
 * inlined the allocator into the caller and removed the object (escape analysis). Whether it can
 * depends on the JVM's history (a method that other code made hot may be compiled too large to
 * inline), so these are measured in a fresh JVM, the situation of a JMH fork, where JMH's
 * {@code gc.alloc.rate.norm} shows the same.
 */
class HotPathHeapAllocationTest {

    @Test
    void frame_offset_path_and_reset_allocate_nothing_and_no_object_per_operation_even_interpreted() {
        TrackingBase base = new TrackingBase();
        try (FrameAllocator frame = Allocators.frame(base, 1024)) {
            HotPathProbe.bytesOfRound(() -> frameOffsetSteps(frame, 100)); // grows the arena, loads classes
            long overflows = frame.overflowCount();

            // Before the JIT has compiled it, the JVM may still allocate a few hundred bytes once
            // (call-site linkage, deoptimization); a segment per operation would be 40 B x 40,000.
            long allocations = HotPathProbe.OPERATIONS * 8L;
            assertThat(HotPathProbe.bytesOfRound(() -> frameOffsetSteps(frame, HotPathProbe.OPERATIONS)))
                    .isLessThan(allocations / 10);
            assertThat(HotPathProbe.bytesPerRoundOnceCompiled(() -> frameOffsetSteps(frame, HotPathProbe.OPERATIONS)))
                    .isZero();
            assertThat(overflows).as("the arena grew during warm-up").isPositive();
            assertThat(frame.overflowCount()).as("and never after").isEqualTo(overflows);
        }
    }

    @Test
    void frame_segment_path_allocates_nothing_once_compiled() throws Exception {
        assertThat(heapBytesPerRoundInFreshJvm("frame-segment")).isZero();
    }

    @Test
    void pool_allocate_and_free_allocate_nothing_once_compiled() throws Exception {
        assertThat(heapBytesPerRoundInFreshJvm("pool")).isZero();
    }

    @Test
    void pool_frees_that_look_up_their_block_allocate_nothing_once_compiled() throws Exception {
        assertThat(heapBytesPerRoundInFreshJvm("pool-across-blocks")).isZero();
    }

    @Test
    void free_list_allocate_and_free_allocate_nothing_once_compiled() throws Exception {
        assertThat(heapBytesPerRoundInFreshJvm("free-list")).isZero();
    }

    /** A solver-like step: reset, then a few arrays of doubles sized by the contact count. */
    private static long frameOffsetSteps(FrameAllocator frame, int steps) {
        long checksum = 0;
        for (int step = 0; step < steps; step++) {
            frame.reset();
            int contacts = 50 + (step & 63);
            for (int array = 0; array < 8; array++) {
                long offset = frame.allocateOffset(contacts * 24L, 8);
                MemorySegment memory = frame.memory();
                memory.set(JAVA_DOUBLE, offset, step);
                checksum += offset;
            }
        }
        return checksum;
    }

    private static long heapBytesPerRoundInFreshJvm(String path) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), HotPathProbe.class.getName(), path)
                .redirectErrorStream(true).start();
        boolean finished = probe.waitFor(90, TimeUnit.SECONDS);
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            probe.destroyForcibly();
            throw new AssertionError("probe for " + path + " did not finish: " + output);
        }
        assertThat(probe.exitValue()).as("probe output: %s", output).isZero();
        return output.lines().filter(line -> line.startsWith("heap-bytes-per-round="))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no result from the probe: " + output));
    }
}
