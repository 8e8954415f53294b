package org.worldbench.simulation;

import java.util.Objects;

import org.worldbench.math.Vec3;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryOptions;

/**
 * How a {@link World} is built. Immutable; change it with the {@code with…} methods, starting from
 * {@link #defaults()}. Every value is checked here, so a World never starts from a bad one.
 *
 * @param baseAllocator where the World's memory comes from; the World borrows it and never closes
 *                      it. Must be thread-safe if clones of the World are stepped on several
 *                      threads (the default allocator is).
 * @param timeStep      the step dt, s; finite and &gt; 0
 * @param gravity       gravity in the world frame, m/s²; finite
 * @param allocation    where components keep their memory ({@link Allocation})
 * @param debug         wrap every allocator the World uses in its debug variant (guards, double
 *                      and foreign frees, leaks reported at {@link World#close()}, thread
 *                      confinement): build and step a debug World on one thread
 */
public record WorldConfig(MemoryAllocator baseAllocator, double timeStep, Vec3 gravity, Allocation allocation,
        boolean debug) {

    /** DART's default step, s. */
    public static final double DEFAULT_TIME_STEP = 0.001;
    /** DART's default gravity, m/s². */
    public static final Vec3 DEFAULT_GRAVITY = new Vec3(0, 0, -9.81);

    public WorldConfig {
        Objects.requireNonNull(baseAllocator, "baseAllocator must not be null");
        Objects.requireNonNull(gravity, "gravity must not be null");
        Objects.requireNonNull(allocation, "allocation must not be null");
        if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
            throw new IllegalArgumentException("timeStep must be a finite number of seconds > 0, got " + timeStep);
        }
        checkFinite("gravity.x", gravity.x());
        checkFinite("gravity.y", gravity.y());
        checkFinite("gravity.z", gravity.z());
    }

    /**
     * The default allocator, DART's dt (0.001 s) and gravity (0, 0, −9.81), HIERARCHICAL, and debug
     * off unless {@code -Dworldbench.memory.debug=true} turns it on for the whole JVM
     * ({@link MemoryOptions#defaults()}).
     */
    public static WorldConfig defaults() {
        return new WorldConfig(MemoryAllocator.defaultAllocator(), DEFAULT_TIME_STEP, DEFAULT_GRAVITY,
                Allocation.HIERARCHICAL, MemoryOptions.defaults().debug());
    }

    public WorldConfig withBaseAllocator(MemoryAllocator allocator) {
        return new WorldConfig(allocator, timeStep, gravity, allocation, debug);
    }

    public WorldConfig withTimeStep(double seconds) {
        return new WorldConfig(baseAllocator, seconds, gravity, allocation, debug);
    }

    public WorldConfig withGravity(Vec3 metersPerSecondSquared) {
        return new WorldConfig(baseAllocator, timeStep, metersPerSecondSquared, allocation, debug);
    }

    public WorldConfig withGravity(double x, double y, double z) {
        return withGravity(new Vec3(x, y, z));
    }

    public WorldConfig withAllocation(Allocation mode) {
        return new WorldConfig(baseAllocator, timeStep, gravity, mode, debug);
    }

    public WorldConfig withDebug(boolean on) {
        return new WorldConfig(baseAllocator, timeStep, gravity, allocation, on);
    }

    private static void checkFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, got " + value);
        }
    }
}
