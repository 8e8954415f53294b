package org.worldbench.workload;

import java.util.ArrayList;
import java.util.List;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * The contact scenes of DART's benchmark program ({@code makeGround}, {@code makeCube},
 * {@code makeBoxWorld} in {@code ../shared/anchors/dart/dartbench.cpp}) and of the golden contact
 * trajectories (golden README §7.2): a welded ground box and free cubes resting on it.
 */
public final class ContactScenes {

    /** Cube edge, m. */
    public static final double CUBE = 0.2;
    public static final double CUBE_MASS = 1.0;
    /** The ground box: 20 × 20 × 0.1 m, 1000 kg, its top face at z = 0. */
    public static final Vec3 GROUND_SIZE = new Vec3(20, 20, 0.1);
    public static final double GROUND_MASS = 1000.0;

    private ContactScenes() {
    }

    /** DART's {@code makeGround()}: one body welded to the world 0.05 m below the origin. */
    public static Skeleton ground(StateStorage storage) {
        Skeleton ground = new Skeleton("ground", storage);
        JointSpec weld = JointSpec.weld("ground_weld").withParentOffset(Isometry3.translation(0, 0, -0.5 * GROUND_SIZE.z()));
        BodyNode body = ground.addBody(null, weld, "ground_body",
                Inertia.box(GROUND_MASS, GROUND_SIZE.x(), GROUND_SIZE.y(), GROUND_SIZE.z(), Vec3.ZERO));
        body.addCollisionShape(CollisionShape.of(new Geometry.Box(GROUND_SIZE.x(), GROUND_SIZE.y(), GROUND_SIZE.z())));
        return ground;
    }

    /**
     * DART's {@code makeCube(name, pos)}: a free 0.2 m, 1 kg cube centred on its body origin, placed
     * at {@code (x, y, z)} with identity rotation (FreeJoint q = [0, 0, 0, x, y, z]).
     */
    public static Skeleton cube(String name, double x, double y, double z, StateStorage storage) {
        Skeleton cube = new Skeleton(name, storage);
        BodyNode body = cube.addBody(null, JointSpec.free(name + "_joint"), name + "_body",
                Inertia.box(CUBE_MASS, CUBE, CUBE, CUBE, Vec3.ZERO));
        body.addCollisionShape(CollisionShape.of(new Geometry.Box(CUBE, CUBE, CUBE)));
        cube.setPositions(new double[] {0, 0, 0, x, y, z});
        return cube;
    }

    /**
     * DART's {@code makeBoxWorld(n, stackHeight)} without the World: the ground, then {@code n}
     * cubes {@code cube0…} in columns of {@code stackHeight} exactly touching cubes, columns 0.5 m
     * apart, ten columns per row. {@code stackHeight} 5 is the "stacks" layout, 1 the single-layer
     * "grid".
     */
    public static List<Skeleton> boxes(int n, int stackHeight, StateStorage storage) {
        if (n < 1 || stackHeight < 1) {
            throw new IllegalArgumentException("boxes need n >= 1 and stackHeight >= 1, got n = " + n
                    + ", stackHeight = " + stackHeight);
        }
        List<Skeleton> skeletons = new ArrayList<>(n + 1);
        skeletons.add(ground(storage));
        int columns = (n + stackHeight - 1) / stackHeight;
        int made = 0;
        for (int c = 0; c < columns && made < n; c++) {
            double x = 0.5 * (c % 10) - 2.25;
            double y = 0.5 * (c / 10) - 1.0;
            for (int h = 0; h < stackHeight && made < n; h++, made++) {
                // the same floating-point expression as DART's, so touching cubes round alike
                skeletons.add(cube("cube" + made, x, y, 0.5 * CUBE + h * CUBE, storage));
            }
        }
        return skeletons;
    }
}
