package org.worldbench.benchmark.support;

import org.worldbench.memory.AllocatorMetrics;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.workload.AllocationSetup;

/**
 * What {@link EngineCounters} reads from a workload's memory: live totals over the allocators the
 * workload draws from. Reading walks a few objects and allocates nothing; it happens once per
 * iteration, never per operation.
 */
public interface MemoryProbe {

    /** Allocations served so far by the workload's allocators. */
    long allocations();

    /** Bytes the workload's allocators hold from the base right now. */
    long reservedBytes();

    /** Blocks handed out and not yet freed right now. */
    long liveBlocks();

    /** The most bytes one frame (one step) has needed; 0 without a frame allocator. */
    long frameHighWaterMark();

    /** Frame requests that did not fit its arena, so far; 0 without a frame allocator. */
    long frameOverflows();

    /** Nothing to read (HEAP): every counter is 0. */
    MemoryProbe NONE = new MemoryProbe() {
        @Override
        public long allocations() {
            return 0;
        }

        @Override
        public long reservedBytes() {
            return 0;
        }

        @Override
        public long liveBlocks() {
            return 0;
        }

        @Override
        public long frameHighWaterMark() {
            return 0;
        }

        @Override
        public long frameOverflows() {
            return 0;
        }
    };

    /** The allocators of a standalone {@link AllocationSetup} (its manager's frame, if any). */
    static MemoryProbe of(AllocationSetup setup) {
        return new MemoryProbe() {
            @Override
            public long allocations() {
                return setup.sum(AllocatorMetrics::allocationCount);
            }

            @Override
            public long reservedBytes() {
                return setup.reservedBytes();
            }

            @Override
            public long liveBlocks() {
                return setup.sum(AllocatorMetrics::liveBlocks);
            }

            @Override
            public long frameHighWaterMark() {
                FrameAllocator frame = frame();
                return frame == null ? 0 : frame.highWaterMark();
            }

            @Override
            public long frameOverflows() {
                FrameAllocator frame = frame();
                return frame == null ? 0 : frame.overflowCount();
            }

            private FrameAllocator frame() {
                return setup.memoryManager() == null ? null : setup.memoryManager().getFrameAllocator();
            }
        };
    }

    /** The values {@code live} reads now, fixed. */
    static MemoryProbe snapshot(MemoryProbe live) {
        long allocations = live.allocations();
        long reserved = live.reservedBytes();
        long blocks = live.liveBlocks();
        long highWater = live.frameHighWaterMark();
        long overflows = live.frameOverflows();
        return new MemoryProbe() {
            @Override
            public long allocations() {
                return allocations;
            }

            @Override
            public long reservedBytes() {
                return reserved;
            }

            @Override
            public long liveBlocks() {
                return blocks;
            }

            @Override
            public long frameHighWaterMark() {
                return highWater;
            }

            @Override
            public long frameOverflows() {
                return overflows;
            }
        };
    }

    /** Sums several probes (e.g. one per World of a parallel workload). */
    static MemoryProbe sum(MemoryProbe... probes) {
        return new MemoryProbe() {
            @Override
            public long allocations() {
                long s = 0;
                for (MemoryProbe p : probes) {
                    s += p.allocations();
                }
                return s;
            }

            @Override
            public long reservedBytes() {
                long s = 0;
                for (MemoryProbe p : probes) {
                    s += p.reservedBytes();
                }
                return s;
            }

            @Override
            public long liveBlocks() {
                long s = 0;
                for (MemoryProbe p : probes) {
                    s += p.liveBlocks();
                }
                return s;
            }

            @Override
            public long frameHighWaterMark() {
                long s = 0;
                for (MemoryProbe p : probes) {
                    s = Math.max(s, p.frameHighWaterMark());
                }
                return s;
            }

            @Override
            public long frameOverflows() {
                long s = 0;
                for (MemoryProbe p : probes) {
                    s += p.frameOverflows();
                }
                return s;
            }
        };
    }
}
