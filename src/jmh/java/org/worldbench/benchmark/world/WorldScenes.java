package org.worldbench.benchmark.world;

import java.util.Arrays;
import java.util.List;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Vec3;
import org.worldbench.simulation.World;
import org.worldbench.simulation.WorldConfig;
import org.worldbench.workload.AllocationSetup;
import org.worldbench.workload.ContactScenes;
import org.worldbench.workload.SkeletonScenes;

/**
 * The Worlds of DART's benchmark program, built for the World benchmarks, and the state snapshot
 * they reset to (DART resets its small world every 1000 steps; the contact worlds are reset the same
 * way here, so no iteration measures a world that has drifted somewhere cheaper).
 */
final class WorldScenes {

    /** DART's SmallWorldStep: every joint of chain(7) at 0.3 rad, at rest. */
    static final double SMALL_WORLD_Q0 = 0.3;
    /** Steps between two resets, as DART's {@code BM_SmallWorldStep}. */
    static final int RESET_EVERY = 1000;

    private WorldScenes() {
    }

    static WorldConfig config(String allocation, boolean debug) {
        return WorldConfig.defaults().withAllocation(AllocationSetup.parse(allocation)).withDebug(debug);
    }

    /** DART's small world: one chain(7), q = 0.3 on every joint, dt 1 ms, gravity −9.81. */
    static World smallWorld(WorldConfig config) {
        World world = new World(config);
        Skeleton chain = SkeletonScenes.chain(7, StateStorage.OFF_HEAP);
        double[] q0 = new double[7];
        Arrays.fill(q0, SMALL_WORLD_Q0);
        chain.setPositions(q0);
        world.addSkeleton(chain);
        return world;
    }

    /** DART's {@code makeBoxWorld(n, stackHeight)}: the ground and n cubes. */
    static World boxWorld(WorldConfig config, int cubes, int stackHeight) {
        World world = new World(config);
        for (Skeleton s : ContactScenes.boxes(cubes, stackHeight, StateStorage.OFF_HEAP)) {
            world.addSkeleton(s);
        }
        return world;
    }

    /** DART's lifecycle scene: {@code n} chain(7) on a 1 m grid, ten per row, named chain0…. */
    static void addChains(World world, int n) {
        for (int i = 0; i < n; i++) {
            world.addSkeleton(SkeletonScenes.chain(7, StateStorage.OFF_HEAP, new Vec3(i % 10, i / 10, 0), "chain" + i));
        }
    }

    /** The positions and velocities of every skeleton of a World, to go back to. */
    static final class Snapshot {
        private final List<Skeleton> skeletons;
        private final double[][] positions;
        private final double[][] velocities;

        Snapshot(World world) {
            skeletons = world.getSkeletons();
            positions = new double[skeletons.size()][];
            velocities = new double[skeletons.size()][];
            for (int i = 0; i < skeletons.size(); i++) {
                positions[i] = skeletons.get(i).positions();
                velocities[i] = skeletons.get(i).velocities();
            }
        }

        /** Puts every skeleton back (no allocation: the arrays are copied into the skeletons). */
        void restore() {
            for (int i = 0; i < positions.length; i++) {
                skeletons.get(i).setPositions(positions[i]);
                skeletons.get(i).setVelocities(velocities[i]);
            }
        }
    }

    /**
     * A World stepped from the state it had when wrapped, put back to that state every
     * {@link #RESET_EVERY} steps (the reset is timed, amortised over those steps; it allocates nothing).
     */
    static final class ResettingWorld {
        private final World world;
        private final Snapshot start;
        private int sinceReset;

        ResettingWorld(World world) {
            this.world = world;
            this.start = new Snapshot(world);
        }

        /** One step (after a reset when due); returns the simulated time, for the caller to consume. */
        double step() {
            if (++sinceReset == RESET_EVERY) {
                sinceReset = 0;
                start.restore();
            }
            world.step();
            return world.getTime();
        }

        World world() {
            return world;
        }
    }
}
