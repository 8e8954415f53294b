package org.worldbench.simulation;

import java.util.ArrayList;
import java.util.List;

import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;

/**
 * A contact-free trajectory of {@code golden/trajectories.json} (golden README §7.1): the model,
 * its initial state and DART's samples.
 */
final class GoldenScene {

    static final List<String> JOINT_SPACE = List.of("small_world_step", "floating_chain5_fall",
            "floating_chain5_tumble");

    private static final JsonNode TRAJECTORIES =
            GoldenModel.readResource("/golden/trajectories.json").get("trajectories");

    final String name;
    final JsonNode trajectory;

    private GoldenScene(String name) {
        this.name = name;
        this.trajectory = TRAJECTORIES.get(name);
        if (trajectory == null) {
            throw new IllegalArgumentException("no trajectory named " + name);
        }
    }

    static GoldenScene named(String name) {
        return new GoldenScene(name);
    }

    double timeStep() {
        return trajectory.get("world").get("time_step").asDouble();
    }

    /** A standalone skeleton (off-heap, default allocator) in the scene's initial state. */
    Skeleton buildSkeleton() {
        Skeleton s = GoldenModel.load(trajectory.get("model").asString()).build(StateStorage.OFF_HEAP);
        s.setPositions(GoldenModel.array(trajectory.get("q0")));
        s.setVelocities(GoldenModel.array(trajectory.get("dq0")));
        return s;
    }

    /** A World of {@code config} with the scene's time step, holding the scene's skeleton. */
    World buildWorld(WorldConfig config) {
        World world = new World(config.withTimeStep(timeStep()));
        world.addSkeleton(buildSkeleton());
        return world;
    }

    List<JsonNode> samples() {
        List<JsonNode> samples = new ArrayList<>();
        trajectory.get("samples").forEach(samples::add);
        return samples;
    }

    int lastStep() {
        List<JsonNode> samples = samples();
        return samples.get(samples.size() - 1).get("step").asInt();
    }

    /** Every skeleton's q then dq, concatenated: the state two runs must share bit for bit. */
    static double[] state(World world) {
        int n = 0;
        for (Skeleton s : world.getSkeletons()) {
            n += 2 * s.dofCount();
        }
        double[] out = new double[n];
        int k = 0;
        for (Skeleton s : world.getSkeletons()) {
            for (int i = 0; i < s.dofCount(); i++) {
                out[k++] = s.position(i);
            }
            for (int i = 0; i < s.dofCount(); i++) {
                out[k++] = s.velocity(i);
            }
        }
        return out;
    }

    static void step(World world, int steps) {
        for (int i = 0; i < steps; i++) {
            world.step();
        }
    }
}
