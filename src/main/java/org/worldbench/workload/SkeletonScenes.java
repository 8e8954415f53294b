package org.worldbench.workload;

import java.util.Locale;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.io.UrdfLoader;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * Skeletons the benchmarks and tests share, built exactly as DART's benchmark program builds them
 * ({@code ../shared/anchors/dart/dartbench.cpp}), so timings compare one to one.
 */
public final class SkeletonScenes {

    /** Chain link: a 0.05 × 0.05 × 0.2 m box of 1 kg, COM at the link centre (0, 0, 0.1). */
    public static final double LINK_LENGTH = 0.2;
    public static final double LINK_WIDTH = 0.05;
    public static final double LINK_MASS = 1.0;

    /** The packaged robots (URDFs under {@code models/} on the class path). */
    public enum Robot {
        KR5("models/kr5.urdf"),
        WAM("models/wam.urdf"),
        ATLAS("models/atlas_v3_no_head.urdf");

        private final String resource;

        Robot(String resource) {
            this.resource = resource;
        }

        public String resource() {
            return resource;
        }

        /** Parses "KR5", "wam", "Atlas" … */
        public static Robot parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private SkeletonScenes() {
    }

    /**
     * DART's {@code makeChain(n)}: a fixed-base chain of n revolute joints {@code joint0…}, bodies
     * {@code link0…}; joint i sits at (0, 0, 0.2) on link i−1 (joint0 at {@code base} in the world);
     * axes alternate X, Y, X, …; each link carries its box as a collision shape.
     */
    public static Skeleton chain(int n, StateStorage storage) {
        return chain(n, storage, Vec3.ZERO, "chain");
    }

    public static Skeleton chain(int n, StateStorage storage, Vec3 base, String name) {
        if (n < 1) {
            throw new IllegalArgumentException("a chain needs at least one link, got " + n);
        }
        Skeleton s = new Skeleton(name, storage);
        Vec3 center = new Vec3(0, 0, 0.5 * LINK_LENGTH);
        Inertia link = Inertia.box(LINK_MASS, LINK_WIDTH, LINK_WIDTH, LINK_LENGTH, center);
        BodyNode parent = null;
        for (int i = 0; i < n; i++) {
            JointSpec joint = JointSpec.revolute("joint" + i, i % 2 == 0 ? Vec3.UNIT_X : Vec3.UNIT_Y)
                    .withParentOffset(i == 0 ? Isometry3.translation(base) : Isometry3.translation(0, 0, LINK_LENGTH));
            parent = s.addBody(parent, joint, "link" + i, link);
            parent.addCollisionShape(new CollisionShape(new Geometry.Box(LINK_WIDTH, LINK_WIDTH, LINK_LENGTH),
                    Isometry3.translation(center)));
        }
        return s;
    }

    /** A packaged robot, loaded as DART's benchmark loads it (default root joint). */
    public static Skeleton robot(Robot robot, StateStorage storage) {
        return UrdfLoader.loadResource(robot.resource(), UrdfLoader.Options.DEFAULT.withStorage(storage)).skeleton();
    }
}
