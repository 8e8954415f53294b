package org.worldbench.memory;

/**
 * How a {@link MemoryManager} builds its allocators.
 *
 * <p>{@link #defaults()} reads three system properties, so a whole benchmark or test run can be
 * switched to debug allocators without touching code:
 * <ul>
 *   <li>{@code worldbench.memory.debug} ({@code true}/{@code false}, default {@code false}): wrap
 *       every allocator in its debug variant (guards, double/foreign-free and leak checks, thread
 *       confinement);</li>
 *   <li>{@code worldbench.memory.allocationSites} (default {@code false}): also record a stack
 *       trace per allocation so leak reports say where each block was allocated (slow);</li>
 *   <li>{@code worldbench.memory.frameCapacity} (bytes, default 65536): the frame arena's
 *       initial capacity.</li>
 * </ul>
 *
 * @param debug                  use the debug variants
 * @param captureAllocationSites record where each block was allocated (debug mode only)
 * @param frameCapacity          initial frame arena size in bytes, at least 64
 */
public record MemoryOptions(boolean debug, boolean captureAllocationSites, long frameCapacity) {

    public static final String DEBUG_PROPERTY = "worldbench.memory.debug";
    public static final String SITES_PROPERTY = "worldbench.memory.allocationSites";
    public static final String FRAME_CAPACITY_PROPERTY = "worldbench.memory.frameCapacity";
    /** 64 KiB: enough for the per-step scratch of a small scene; the frame grows on overflow anyway. */
    public static final long DEFAULT_FRAME_CAPACITY = 64 * 1024;

    public MemoryOptions {
        if (frameCapacity < 64) {
            throw new IllegalArgumentException("frameCapacity must be at least 64 bytes: " + frameCapacity);
        }
    }

    /** Normal mode with the default frame capacity, ignoring system properties. */
    public static MemoryOptions release() {
        return new MemoryOptions(false, false, DEFAULT_FRAME_CAPACITY);
    }

    /** Debug mode with allocation sites recorded, ignoring system properties. */
    public static MemoryOptions debugging() {
        return new MemoryOptions(true, true, DEFAULT_FRAME_CAPACITY);
    }

    /**
     * Options from the system properties above.
     *
     * @throws IllegalArgumentException naming the property when a value cannot be parsed
     */
    public static MemoryOptions defaults() {
        return new MemoryOptions(
                booleanProperty(DEBUG_PROPERTY),
                booleanProperty(SITES_PROPERTY),
                longProperty(FRAME_CAPACITY_PROPERTY, DEFAULT_FRAME_CAPACITY));
    }

    public MemoryOptions withDebug(boolean on) {
        return new MemoryOptions(on, captureAllocationSites, frameCapacity);
    }

    public MemoryOptions withFrameCapacity(long bytes) {
        return new MemoryOptions(debug, captureAllocationSites, bytes);
    }

    private static boolean booleanProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "system property " + name + " must be true or false, not '" + value + "'");
        };
    }

    private static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 64) {
                throw new IllegalArgumentException(
                        "system property " + name + " must be at least 64 bytes, not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "system property " + name + " must be a whole number of bytes, not '" + value + "'", e);
        }
    }
}
