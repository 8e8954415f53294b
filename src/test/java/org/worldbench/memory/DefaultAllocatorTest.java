package org.worldbench.memory;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DefaultAllocatorTest {

    @Test
    void is_one_process_wide_instance() {
        assertThat(MemoryAllocator.defaultAllocator()).isSameAs(MemoryAllocator.defaultAllocator());
        assertThat(MemoryAllocator.defaultAllocator().name()).isEqualTo("default");
    }

    @Test
    void concurrent_allocate_and_free_keep_blocks_apart_and_metrics_exact() throws Exception {
        MemoryAllocator allocator = MemoryAllocator.defaultAllocator();
        long liveBefore = allocator.metrics().liveBytes();
        long countBefore = allocator.metrics().allocationCount();
        int threads = 4;
        int rounds = 20_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long tag = t + 1;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        MemorySegment block = allocator.allocate(8 + (i % 5) * 24, (i % 2 == 0) ? 8 : 64);
                        block.set(JAVA_LONG, 0, tag);
                        Thread.onSpinWait();
                        if (block.get(JAVA_LONG, 0) != tag) {
                            throw new AssertionError("another thread wrote into this thread's block");
                        }
                        allocator.deallocate(block);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(allocator.metrics().liveBytes()).isEqualTo(liveBefore);
        assertThat(allocator.metrics().allocationCount()).isEqualTo(countBefore + (long) threads * rounds);
    }
}
