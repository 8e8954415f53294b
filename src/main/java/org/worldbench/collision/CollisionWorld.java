package org.worldbench.collision;

import java.util.Arrays;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Skeleton;

/**
 * The collision shapes of a set of skeletons, in flat arrays indexed by shape number, and the
 * detection that runs over them: poses and bounding boxes, then a broad phase, then the narrow
 * phase per candidate pair.
 *
 * <p>Which pairs are tested follows DART's defaults: never two shapes of the same skeleton
 * (self-collision is off), and never two shapes that cannot move (both on skeletons without degrees
 * of freedom). Box, sphere and capsule geometries take part; a model's cylinders and meshes are
 * rejected with an error naming the body, since silently dropping them would let bodies fall through.
 *
 * <p>After the first detections, {@link #detect} allocates nothing. Not thread-safe.
 */
public final class CollisionWorld {

    private Skeleton[] skeleton = new Skeleton[8];
    private int[] body = new int[8];
    private ShapeType[] type = new ShapeType[8];
    /** Size parameters per shape, 3 each (see {@link ShapeType}). */
    private double[] size = new double[24];
    /** Shape frame seen from its body frame, 12 each (R row-major, p). */
    private double[] offset = new double[96];
    /** World pose per shape, 12 each (R row-major, p), updated by {@link #updatePoses()}. */
    private double[] pose = new double[96];
    /** World AABB per shape: min x, y, z, max x, y, z (m). */
    private double[] aabb = new double[48];
    private int count;

    private final double[] bodyPose = new double[12];
    private final PairList pairs = new PairList();
    private final BoxBox boxBox = new BoxBox();
    private final Primitives primitives = new Primitives();
    private BroadPhase broadPhase = new SweepAndPruneBroadPhase();

    /** Adds the shapes of every body of {@code s}. */
    public void addSkeleton(Skeleton s) {
        for (BodyNode b : s.bodies()) {
            for (CollisionShape shape : b.collisionShapes()) {
                add(s, b, shape);
            }
        }
    }

    /** Removes the shapes of {@code s}; the remaining shapes keep their relative order. */
    public void removeSkeleton(Skeleton s) {
        int w = 0;
        for (int i = 0; i < count; i++) {
            if (skeleton[i] != s) {
                if (w != i) {
                    skeleton[w] = skeleton[i];
                    body[w] = body[i];
                    type[w] = type[i];
                    System.arraycopy(size, 3 * i, size, 3 * w, 3);
                    System.arraycopy(offset, 12 * i, offset, 12 * w, 12);
                }
                w++;
            }
        }
        Arrays.fill(skeleton, w, count, null);
        count = w;
    }

    private void add(Skeleton s, BodyNode b, CollisionShape shape) {
        ShapeType t;
        double s0, s1 = 0, s2 = 0;
        switch (shape.geometry()) {
            case Geometry.Box box -> {
                t = ShapeType.BOX;
                s0 = 0.5 * box.x();
                s1 = 0.5 * box.y();
                s2 = 0.5 * box.z();
            }
            case Geometry.Sphere sphere -> {
                t = ShapeType.SPHERE;
                s0 = sphere.radius();
            }
            case Geometry.Capsule capsule -> {
                t = ShapeType.CAPSULE;
                s0 = capsule.radius();
                s1 = 0.5 * capsule.length();
            }
            default -> throw new IllegalArgumentException("body '" + b.name() + "' of skeleton '" + s.name()
                    + "' has a " + shape.geometry().getClass().getSimpleName()
                    + " collision shape; the collision stage handles box, sphere and capsule only");
        }
        grow(count + 1);
        skeleton[count] = s;
        body[count] = b.index();
        type[count] = t;
        size[3 * count] = s0;
        size[3 * count + 1] = s1;
        size[3 * count + 2] = s2;
        shape.offset().copyTo(offset, 12 * count);
        count++;
    }

    private void grow(int n) {
        if (n <= skeleton.length) {
            return;
        }
        int c = Math.max(n, 2 * skeleton.length);
        skeleton = Arrays.copyOf(skeleton, c);
        body = Arrays.copyOf(body, c);
        type = Arrays.copyOf(type, c);
        size = Arrays.copyOf(size, 3 * c);
        offset = Arrays.copyOf(offset, 12 * c);
        pose = Arrays.copyOf(pose, 12 * c);
        aabb = Arrays.copyOf(aabb, 6 * c);
    }

    /** Chooses the broad phase (default: sweep and prune). */
    public void setBroadPhase(BroadPhase broadPhase) {
        this.broadPhase = java.util.Objects.requireNonNull(broadPhase, "broadPhase");
    }

    public int shapeCount() {
        return count;
    }

    public Skeleton skeletonOf(int shape) {
        return skeleton[shape];
    }

    public int bodyOf(int shape) {
        return body[shape];
    }

    public ShapeType typeOf(int shape) {
        return type[shape];
    }

    /** The pairs the broad phase found in the last {@link #detect}. */
    public PairList lastPairs() {
        return pairs;
    }

    /** The world AABBs (6 per shape) as of the last {@link #updatePoses()}; read-only by convention. */
    public double[] aabbs() {
        return aabb;
    }

    /** Recomputes every shape's world pose and bounding box from its body's current transform. */
    public void updatePoses() {
        for (int i = 0; i < count; i++) {
            skeleton[i].worldTransform(body[i], bodyPose, 0);
            compose(bodyPose, offset, 12 * i, pose, 12 * i);
            bound(i);
        }
    }

    /** Poses and boxes, broad phase, then narrow phase for each candidate pair, into {@code sink}. */
    public void detect(ContactSink sink) {
        findPairs();
        narrowPhase(sink);
    }

    /** Updates poses and boxes and runs the broad phase; returns the number of candidate pairs. */
    public int findPairs() {
        updatePoses();
        broadPhase.findPairs(aabb, count, pairs);
        return pairs.size();
    }

    /** The narrow phase over the pairs of the last {@link #findPairs()}, skipping pairs DART never tests. */
    public void narrowPhase(ContactSink sink) {
        for (int k = 0; k < pairs.size() && sink.hasRoom(); k++) {
            int a = pairs.first(k);
            int b = pairs.second(k);
            if (skeleton[a] == skeleton[b] || (skeleton[a].dofCount() == 0 && skeleton[b].dofCount() == 0)) {
                continue;
            }
            collide(a, b, sink);
        }
    }

    /** The narrow phase for one pair; returns the number of contacts added. */
    int collide(int a, int b, ContactSink sink) {
        ShapeType ta = type[a];
        ShapeType tb = type[b];
        int oa = 12 * a, ob = 12 * b, ha = 3 * a, hb = 3 * b;
        double[] p = pose;
        return switch (ta) {
            case BOX -> switch (tb) {
                case BOX -> boxBox.collide(a, size, ha, p, oa, b, size, hb, p, ob, sink);
                case SPHERE -> primitives.boxSphere(a, size, ha, p, oa, b, p[ob + 9], p[ob + 10], p[ob + 11], size[hb],
                        sink);
                case CAPSULE -> primitives.boxCapsule(a, size, ha, p, oa, b, size[hb], size[hb + 1], p, ob, sink);
            };
            case SPHERE -> switch (tb) {
                case BOX -> primitives.sphereBox(a, p[oa + 9], p[oa + 10], p[oa + 11], size[ha], b, size, hb, p, ob, sink);
                case SPHERE -> Primitives.sphereSphere(a, p[oa + 9], p[oa + 10], p[oa + 11], size[ha],
                        b, p[ob + 9], p[ob + 10], p[ob + 11], size[hb], sink);
                case CAPSULE -> primitives.capsuleSphere(b, size[hb], size[hb + 1], p, ob,
                        a, p[oa + 9], p[oa + 10], p[oa + 11], size[ha], flip(sink));
            };
            case CAPSULE -> switch (tb) {
                case BOX -> primitives.capsuleBox(a, size[ha], size[ha + 1], p, oa, b, size, hb, p, ob, sink);
                case SPHERE -> primitives.capsuleSphere(a, size[ha], size[ha + 1], p, oa,
                        b, p[ob + 9], p[ob + 10], p[ob + 11], size[hb], sink);
                case CAPSULE -> primitives.capsuleCapsule(a, size[ha], size[ha + 1], p, oa,
                        b, size[hb], size[hb + 1], p, ob, sink);
            };
        };
    }

    private final SwapSink swap = new SwapSink();

    private ContactSink flip(ContactSink sink) {
        swap.target = sink;
        return swap;
    }

    /** Swaps A and B and flips the normal, for the pair orders computed the other way round. */
    private static final class SwapSink implements ContactSink {
        ContactSink target;

        @Override
        public boolean hasRoom() {
            return target.hasRoom();
        }

        @Override
        public void add(int shapeA, int shapeB, double px, double py, double pz, double nx, double ny, double nz,
                        double depth) {
            target.add(shapeB, shapeA, px, py, pz, -nx, -ny, -nz, depth);
        }
    }

    /** out = body ∘ offset (both R row-major then p). */
    private static void compose(double[] t, double[] o, int oo, double[] out, int oo2) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[oo2 + 3 * r + c] = t[3 * r] * o[oo + c] + t[3 * r + 1] * o[oo + 3 + c] + t[3 * r + 2] * o[oo + 6 + c];
            }
            out[oo2 + 9 + r] = t[3 * r] * o[oo + 9] + t[3 * r + 1] * o[oo + 10] + t[3 * r + 2] * o[oo + 11] + t[9 + r];
        }
    }

    private void bound(int i) {
        int o = 12 * i;
        int h = 3 * i;
        for (int r = 0; r < 3; r++) {
            double ext = switch (type[i]) {
                case BOX -> Math.abs(pose[o + 3 * r]) * size[h] + Math.abs(pose[o + 3 * r + 1]) * size[h + 1]
                        + Math.abs(pose[o + 3 * r + 2]) * size[h + 2];
                case SPHERE -> size[h];
                case CAPSULE -> Math.abs(pose[o + 3 * r + 2]) * size[h + 1] + size[h];
            };
            aabb[6 * i + r] = pose[o + 9 + r] - ext;
            aabb[6 * i + 3 + r] = pose[o + 9 + r] + ext;
        }
    }

    /** The world pose of a shape (12 doubles: R row-major, p) as of the last detection. */
    public void pose(int shape, double[] out, int off) {
        System.arraycopy(pose, 12 * shape, out, off, 12);
    }
}
