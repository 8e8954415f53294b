package org.worldbench.workload;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;

/**
 * Makes the empty skeletons the scene builders fill: the builders decide the bodies, the factory
 * decides where their state lives ({@link AllocationSetup}, or a plain {@link StateStorage}).
 */
@FunctionalInterface
public interface SkeletonFactory {

    /** A new, empty skeleton named {@code name}. */
    Skeleton create(String name);

    /** Skeletons of that storage on the default allocator (what {@code new Skeleton(name, storage)} gives). */
    static SkeletonFactory of(StateStorage storage) {
        return name -> new Skeleton(name, storage);
    }
}
