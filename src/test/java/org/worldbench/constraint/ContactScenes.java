package org.worldbench.constraint;

import java.util.ArrayList;
import java.util.List;

import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.Integrator;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * DART's contact scenes (golden README §7.2) and a test-side step in DART's order (§4.9): per
 * skeleton forward dynamics and velocity integration, then the constraint solver, then position
 * integration. The World does the same in {@code org.worldbench.simulation}; this copy keeps the
 * constraint tests independent of it.
 */
final class ContactScenes implements AutoCloseable {

    static final double DT = 0.001;
    static final double CUBE = 0.2;

    final Skeleton ground;
    final List<Skeleton> cubes = new ArrayList<>();
    final List<Skeleton> all = new ArrayList<>();
    final ConstraintSolver solver;

    /** The welded 20 × 20 × 0.1 m ground (top face at z = 0) and one free 0.2 m, 1 kg cube per position. */
    ContactScenes(ConstraintSolver solver, double[][] positions) {
        this.solver = solver;
        ground = new Skeleton("ground");
        ground.addBody(null, JointSpec.weld("ground_joint").withParentOffset(Isometry3.translation(0, 0, -0.05)),
                        "ground", Inertia.box(1000, 20, 20, 0.1, Vec3.ZERO))
                .addCollisionShape(CollisionShape.of(new Geometry.Box(20, 20, 0.1)));
        all.add(ground);
        for (int i = 0; i < positions.length; i++) {
            Skeleton cube = new Skeleton("cube" + i);
            cube.addBody(null, JointSpec.free("cube" + i + "_joint"), "cube" + i, Inertia.box(1, CUBE, CUBE, CUBE, Vec3.ZERO))
                    .addCollisionShape(CollisionShape.of(new Geometry.Box(CUBE, CUBE, CUBE)));
            cube.setPositions(new double[] {0, 0, 0, positions[i][0], positions[i][1], positions[i][2]});
            cubes.add(cube);
            all.add(cube);
        }
        for (Skeleton s : all) {
            solver.addSkeleton(s);
        }
    }

    /** Columns of {@code perColumn} exactly touching cubes, 0.5 m apart in x (DART's BM_ContactWorldStep). */
    static double[][] stacks(int cubes, int perColumn) {
        double[][] p = new double[cubes][];
        for (int i = 0; i < cubes; i++) {
            int column = i / perColumn;
            int level = i % perColumn;
            p[i] = new double[] {-2.25 + 0.5 * (column % 10), -1 + 0.5 * (column / 10), 0.1 + 0.2 * level};
        }
        return p;
    }

    /** One step of {@link #DT}: velocities, constraints, positions. */
    void step() {
        for (Skeleton s : cubes) {
            ForwardDynamics.compute(s);
            Integrator.integrateVelocities(s, DT);
        }
        solver.solve(DT);
        for (Skeleton s : cubes) {
            Integrator.integratePositions(s, DT);
        }
    }

    double x(int cube) {
        return cubes.get(cube).position(3);
    }

    double y(int cube) {
        return cubes.get(cube).position(4);
    }

    double z(int cube) {
        return cubes.get(cube).position(5);
    }

    @Override
    public void close() {
        solver.close();
        for (Skeleton s : all) {
            s.close();
        }
    }
}
