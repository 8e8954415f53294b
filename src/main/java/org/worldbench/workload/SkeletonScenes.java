package org.worldbench.workload;

import java.util.Locale;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.JointType;
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
        return chain(n, SkeletonFactory.of(storage));
    }

    public static Skeleton chain(int n, SkeletonFactory factory) {
        return chain(n, factory, Vec3.ZERO, "chain");
    }

    public static Skeleton chain(int n, StateStorage storage, Vec3 base, String name) {
        return chain(n, SkeletonFactory.of(storage), base, name);
    }

    public static Skeleton chain(int n, SkeletonFactory factory, Vec3 base, String name) {
        return articulated(Topology.CHAIN, n, JointType.REVOLUTE, factory, base, name);
    }

    /** A complete binary tree of {@code depth} levels (2^depth − 1 bodies), see {@link #articulated}. */
    public static Skeleton binaryTree(int depth, JointType joint, SkeletonFactory factory) {
        if (depth < 1 || depth > 20) {
            throw new IllegalArgumentException("tree depth must be 1 to 20, got " + depth);
        }
        return articulated(Topology.TREE, (1 << depth) - 1, joint, factory);
    }

    /** A hub and n − 1 leaves, see {@link #articulated}. */
    public static Skeleton star(int n, JointType joint, SkeletonFactory factory) {
        return articulated(Topology.STAR, n, joint, factory);
    }

    public static Skeleton articulated(Topology topology, int bodies, JointType joint, SkeletonFactory factory) {
        return articulated(topology, bodies, joint, factory, Vec3.ZERO, topology.name().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code bodies} chain links (0.05 × 0.05 × 0.2 m boxes of 1 kg, as DART's chain) connected as
     * {@code topology} says by joints of type {@code joint} (revolute, ball or free); body 0 hangs
     * from the world at {@code base}. Where a body sits on its parent:
     * <ul>
     * <li>chain: at the parent's tip (0, 0, 0.2), revolute axes alternating X, Y (exactly DART's
     *     {@code makeChain}, so {@code CHAIN}+{@code REVOLUTE} is {@link #chain});</li>
     * <li>tree: at the tip, shifted ±0.1 m in x for the left/right child;</li>
     * <li>star: the leaves on a circle of radius 0.2 m around the hub's tip.</li>
     * </ul>
     * Bodies are {@code link0…}, joints {@code joint0…}, each body carries its box as a collision shape.
     */
    public static Skeleton articulated(Topology topology, int bodies, JointType joint, SkeletonFactory factory,
            Vec3 base, String name) {
        if (bodies < 1) {
            throw new IllegalArgumentException("a skeleton needs at least one body, got " + bodies);
        }
        if (joint != JointType.REVOLUTE && joint != JointType.BALL && joint != JointType.FREE) {
            throw new IllegalArgumentException("joints must be revolute, ball or free, got " + joint);
        }
        Skeleton s = factory.create(name);
        Vec3 center = new Vec3(0, 0, 0.5 * LINK_LENGTH);
        Inertia link = Inertia.box(LINK_MASS, LINK_WIDTH, LINK_WIDTH, LINK_LENGTH, center);
        BodyNode[] made = new BodyNode[bodies];
        for (int i = 0; i < bodies; i++) {
            int parent = topology.parentOf(i);
            Vec3 offset = parent < 0 ? base : offsetOnParent(topology, i, bodies);
            JointSpec spec = jointSpec(joint, "joint" + i, i).withParentOffset(Isometry3.translation(offset));
            made[i] = s.addBody(parent < 0 ? null : made[parent], spec, "link" + i, link);
            made[i].addCollisionShape(new CollisionShape(new Geometry.Box(LINK_WIDTH, LINK_WIDTH, LINK_LENGTH),
                    Isometry3.translation(center)));
        }
        return s;
    }

    private static JointSpec jointSpec(JointType type, String name, int i) {
        return switch (type) {
            case REVOLUTE -> JointSpec.revolute(name, i % 2 == 0 ? Vec3.UNIT_X : Vec3.UNIT_Y);
            case BALL -> JointSpec.ball(name);
            case FREE -> JointSpec.free(name);
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static Vec3 offsetOnParent(Topology topology, int i, int bodies) {
        return switch (topology) {
            case CHAIN -> new Vec3(0, 0, LINK_LENGTH);
            case TREE -> new Vec3(i % 2 == 1 ? 0.1 : -0.1, 0, LINK_LENGTH);
            case STAR -> {
                double angle = 2 * Math.PI * (i - 1) / (bodies - 1);
                yield new Vec3(0.2 * Math.cos(angle), 0.2 * Math.sin(angle), LINK_LENGTH);
            }
        };
    }

    /** A packaged robot, loaded as DART's benchmark loads it (default root joint). */
    public static Skeleton robot(Robot robot, StateStorage storage) {
        return UrdfLoader.loadResource(robot.resource(), UrdfLoader.Options.DEFAULT.withStorage(storage)).skeleton();
    }

    /** A packaged robot whose state lives where {@code setup} says. */
    public static Skeleton robot(Robot robot, AllocationSetup setup) {
        return setup.adopt(robot(robot, setup.storage()));
    }
}
