package org.worldbench.testsupport.profile;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.simulation.Allocation;
import org.worldbench.simulation.World;
import org.worldbench.simulation.WorldConfig;
import org.worldbench.workload.ContactScenes;

/**
 * Not a test and not a benchmark: a fixed amount of contact stepping to profile with JFR or count
 * with {@code perf stat -e instructions} (load-independent, unlike wall-clock on a shared machine).
 * It prints no time on purpose; JMH (branch workloads' {@code contactWorldStep}) measures time.
 *
 * <p>Arguments: cubes, stack height, allocation, warm-up steps, counted steps. Each run restarts the
 * scene every 500 steps so the cubes never reach a settled state the benchmark would not see.
 * Example: {@code java -cp target/classes:target/test-classes:<deps> ...ContactStepDriver 50 5 INLINE 20000 20000}.
 */
public final class ContactStepDriver {

    private static final int STEPS_PER_SCENE = 500;

    private ContactStepDriver() {
    }

    public static void main(String[] args) {
        int cubes = Integer.parseInt(args[0]);
        int stackHeight = Integer.parseInt(args[1]);
        Allocation allocation = Allocation.valueOf(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int counted = Integer.parseInt(args[4]);
        double checksum = run(cubes, stackHeight, allocation, warmup);
        checksum += run(cubes, stackHeight, allocation, counted);
        // printed so the work cannot be dropped, and as a cheap determinism fingerprint
        System.out.println("checksum " + checksum);
    }

    private static double run(int cubes, int stackHeight, Allocation allocation, int steps) {
        double checksum = 0;
        int done = 0;
        while (done < steps) {
            try (World world = new World(WorldConfig.defaults().withAllocation(allocation))) {
                for (Skeleton s : ContactScenes.boxes(cubes, stackHeight, StateStorage.OFF_HEAP)) {
                    world.addSkeleton(s);
                }
                for (int k = 0; k < STEPS_PER_SCENE && done < steps; k++, done++) {
                    world.step();
                }
                checksum += world.getSkeleton(cubes).position(5);
            }
        }
        return checksum;
    }
}
