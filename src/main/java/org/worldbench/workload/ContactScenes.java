package org.worldbench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * DART's contact scenes ({@code makeBoxWorld} of {@code ../shared/anchors/dart/dartbench.cpp}, golden
 * README §7.2): a welded ground box 20 × 20 × 0.1 m with its top face at z = 0, and N free cubes of
 * 0.2 m and 1 kg, each its own skeleton, in columns of {@link Layout#height()} exactly touching, the
 * columns 0.5 m apart on a 10-wide grid. The skeletons are returned in DART's order (ground first);
 * the caller adds them to a World.
 */
public final class ContactScenes {

    /** Cube edge, m. */
    public static final double CUBE = 0.2;
    public static final double CUBE_MASS = 1.0;
    /** Ground box: 20 × 20 × 0.1 m, 1000 kg (no effect: it is welded). */
    public static final double GROUND_SIZE = 20;
    public static final double GROUND_THICKNESS = 0.1;
    public static final double GROUND_MASS = 1000;

    /** How the cubes are arranged. */
    public enum Layout {
        /** A single layer: every cube on the ground (DART's {@code _Grid} rows). */
        GRID(1),
        /** Columns of 5 touching cubes (DART's {@code BM_ContactWorldStep}). */
        STACK(5);

        private final int height;

        Layout(int height) {
            this.height = height;
        }

        /** Cubes per column. */
        public int height() {
            return height;
        }

        /** Parses "grid", "STACK" … with an error naming the accepted values. */
        public static Layout parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("layout must be grid or stack, got '" + value + "'", e);
            }
        }
    }

    private ContactScenes() {
    }

    /** The ground and {@code cubes} cubes in {@code layout}, ground first, cubes named {@code cube0…}. */
    public static List<Skeleton> boxes(int cubes, Layout layout, SkeletonFactory factory) {
        if (cubes < 1 || cubes > 1000) {
            throw new IllegalArgumentException("a contact scene needs 1 to 1000 cubes, got " + cubes);
        }
        List<Skeleton> scene = new ArrayList<>(cubes + 1);
        scene.add(ground(factory));
        List<Vec3> positions = cubePositions(cubes, layout);
        for (int i = 0; i < cubes; i++) {
            scene.add(cube("cube" + i, positions.get(i), factory));
        }
        return scene;
    }

    /**
     * Where DART puts the cubes: column c at x = 0.5·(c mod 10) − 2.25, y = 0.5·⌊c / 10⌋ − 1.0;
     * level h at z = 0.5·0.2 + h·0.2, in exactly DART's floating-point form (at exact touching,
     * rounding decides which contacts exist at the first step).
     */
    public static List<Vec3> cubePositions(int cubes, Layout layout) {
        List<Vec3> positions = new ArrayList<>(cubes);
        int height = layout.height();
        int columns = (cubes + height - 1) / height;
        for (int c = 0; c < columns && positions.size() < cubes; c++) {
            double x = 0.5 * (c % 10) - 2.25;
            double y = 0.5 * (c / 10) - 1.0;
            for (int h = 0; h < height && positions.size() < cubes; h++) {
                positions.add(new Vec3(x, y, 0.5 * CUBE + h * CUBE));
            }
        }
        return positions;
    }

    /** DART's {@code makeGround()}: one body welded at (0, 0, −0.05), its box centred on it. */
    public static Skeleton ground(SkeletonFactory factory) {
        Skeleton ground = factory.create("ground");
        JointSpec weld = JointSpec.weld("ground_weld").withParentOffset(Isometry3.translation(0, 0, -0.5 * GROUND_THICKNESS));
        ground.addBody(null, weld, "ground", Inertia.box(GROUND_MASS, GROUND_SIZE, GROUND_SIZE, GROUND_THICKNESS, Vec3.ZERO))
                .addCollisionShape(new CollisionShape(new Geometry.Box(GROUND_SIZE, GROUND_SIZE, GROUND_THICKNESS),
                        Isometry3.identity()));
        return ground;
    }

    /** DART's {@code makeCube}: a free joint with identity offsets, a centred 0.2 m box of 1 kg, at {@code position}. */
    public static Skeleton cube(String name, Vec3 position, SkeletonFactory factory) {
        Skeleton cube = factory.create(name);
        cube.addBody(null, JointSpec.free(name + "_joint"), name, Inertia.box(CUBE_MASS, CUBE, CUBE, CUBE, Vec3.ZERO))
                .addCollisionShape(new CollisionShape(new Geometry.Box(CUBE, CUBE, CUBE), Isometry3.identity()));
        // free-joint coordinates: rotation vector (identity), then the translation in the world frame
        cube.setPositions(new double[] {0, 0, 0, position.x(), position.y(), position.z()});
        return cube;
    }
}
