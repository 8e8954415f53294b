package org.worldbench.collision;

/**
 * Sphere and capsule contacts. Sphere–sphere and sphere–box are DART's {@code collideSphereSphere}
 * and {@code collideSphereBox}; capsules (which DART's own detector does not handle) reduce to
 * spheres swept along a segment: the closest points of the segment give the contact, and a capsule
 * lying flat gets one contact per end so it rests on two points.
 *
 * <p>Poses are 12 doubles (R row-major, then p). Normals point from shape B towards shape A.
 */
final class Primitives {

    /** DART_COLLISION_EPS: below this distance a normal cannot be computed from the centres. */
    static final double EPS = 1e-6;

    private final double[] local = new double[3];
    private final double[] seg = new double[6];
    private final double[] segB = new double[6];
    private final double[] closest = new double[6];
    private final FlippedSink flipped = new FlippedSink();

    /** Sphere A (centre c, radius r) against sphere B: DART's collideSphereSphere. */
    static int sphereSphere(int a, double ax, double ay, double az, double ra,
                            int b, double bx, double by, double bz, double rb, ContactSink sink) {
        double rsum = ra + rb;
        double nx = ax - bx, ny = ay - by, nz = az - bz;
        double sq = nx * nx + ny * ny + nz * nz;
        if (sq > rsum * rsum || !sink.hasRoom()) {
            return 0;
        }
        double wa = ra / rsum;
        double wb = rb / rsum;
        double px = wb * ax + wa * bx, py = wb * ay + wa * by, pz = wb * az + wa * bz;
        if (sq < EPS) {
            sink.add(a, b, px, py, pz, 0, 0, 0, rsum);
            return 1;
        }
        double len = Math.sqrt(sq);
        double inv = 1.0 / len;
        sink.add(a, b, px, py, pz, nx * inv, ny * inv, nz * inv, rsum - len);
        return 1;
    }

    /** Sphere A (centre c, radius r) against box B (half extents, pose): DART's collideSphereBox. */
    int sphereBox(int a, double cx, double cy, double cz, double r,
                  int b, double[] half, int h, double[] tb, int ob, ContactSink sink) {
        if (!sink.hasRoom()) {
            return 0;
        }
        double dx = cx - tb[ob + 9], dy = cy - tb[ob + 10], dz = cz - tb[ob + 11];
        // p = T_b⁻¹ c
        for (int k = 0; k < 3; k++) {
            local[k] = tb[ob + k] * dx + tb[ob + 3 + k] * dy + tb[ob + 6 + k] * dz;
        }
        boolean inside = true;
        for (int k = 0; k < 3; k++) {
            double hk = half[h + k];
            if (local[k] < -hk) {
                local[k] = -hk;
                inside = false;
            }
            if (local[k] > hk) {
                local[k] = hk;
                inside = false;
            }
        }
        if (inside) {
            int idx = nearestFace(half, h);
            double min = half[h + idx] - Math.abs(local[idx]);
            double sign = local[idx] > 0.0 ? 1.0 : -1.0;
            sink.add(a, b, cx, cy, cz, sign * tb[ob + idx], sign * tb[ob + 3 + idx], sign * tb[ob + 6 + idx], min + r);
            return 1;
        }
        double qx = tb[ob] * local[0] + tb[ob + 1] * local[1] + tb[ob + 2] * local[2] + tb[ob + 9];
        double qy = tb[ob + 3] * local[0] + tb[ob + 4] * local[1] + tb[ob + 5] * local[2] + tb[ob + 10];
        double qz = tb[ob + 6] * local[0] + tb[ob + 7] * local[1] + tb[ob + 8] * local[2] + tb[ob + 11];
        double nx = cx - qx, ny = cy - qy, nz = cz - qz;
        double mag = Math.sqrt(nx * nx + ny * ny + nz * nz);
        double depth = r - mag;
        if (depth < 0.0) {
            return 0;
        }
        if (mag > EPS) {
            double inv = 1.0 / mag;
            sink.add(a, b, qx, qy, qz, nx * inv, ny * inv, nz * inv, depth);
        } else {
            int idx = nearestFace(half, h);
            double sign = local[idx] > 0.0 ? 1.0 : -1.0;
            sink.add(a, b, qx, qy, qz, sign * tb[ob + idx], sign * tb[ob + 3 + idx], sign * tb[ob + 6 + idx], depth);
        }
        return 1;
    }

    private int nearestFace(double[] half, int h) {
        double min = half[h] - Math.abs(local[0]);
        int idx = 0;
        double t = half[h + 1] - Math.abs(local[1]);
        if (t < min) {
            min = t;
            idx = 1;
        }
        t = half[h + 2] - Math.abs(local[2]);
        if (t < min) {
            idx = 2;
        }
        return idx;
    }

    /** Box A against sphere B: the sphere–box contact with A and B swapped and the normal flipped. */
    int boxSphere(int a, double[] half, int h, double[] ta, int oa,
                  int b, double cx, double cy, double cz, double r, ContactSink sink) {
        return sphereBox(b, cx, cy, cz, r, a, half, h, ta, oa, flipped.to(sink));
    }

    /** Capsule A against sphere B: the closest point of A's axis segment is a sphere of A's radius. */
    int capsuleSphere(int a, double ra, double halfLength, double[] ta, int oa,
                      int b, double bx, double by, double bz, double rb, ContactSink sink) {
        segment(ta, oa, halfLength, seg);
        double t = closestOnSegment(seg, bx, by, bz);
        return sphereSphere(a, lerp(seg, 0, t), lerp(seg, 1, t), lerp(seg, 2, t), ra, b, bx, by, bz, rb, sink);
    }

    /**
     * Capsule A against capsule B: the closest points of the two axis segments, as two spheres; when
     * the axes are parallel and overlap, both ends of the overlap (so a capsule lies on another).
     */
    int capsuleCapsule(int a, double ra, double halfA, double[] ta, int oa,
                       int b, double rb, double halfB, double[] tb, int ob, ContactSink sink) {
        segment(ta, oa, halfA, seg);
        segment(tb, ob, halfB, segB);
        double ux = seg[3] - seg[0], uy = seg[4] - seg[1], uz = seg[5] - seg[2];
        double vx = segB[3] - segB[0], vy = segB[4] - segB[1], vz = segB[5] - segB[2];
        double lu = Math.sqrt(ux * ux + uy * uy + uz * uz);
        double lv = Math.sqrt(vx * vx + vy * vy + vz * vz);
        double cos = (ux * vx + uy * vy + uz * vz) / (lu * lv);
        if (Math.abs(cos) > 1 - 1e-9) {
            // parallel: the ends of each segment against the other segment, at most four points
            int added = endsAgainst(a, seg, ra, b, segB, rb, false, sink);
            if (added < 2) {
                added += endsAgainst(b, segB, rb, a, seg, ra, true, sink);
            }
            return added;
        }
        closestSegmentSegment(ux, uy, uz, vx, vy, vz);
        return sphereSphere(a, closest[0], closest[1], closest[2], ra, b, closest[3], closest[4], closest[5], rb, sink);
    }

    private int endsAgainst(int a, double[] ends, double ra, int b, double[] other, double rb, boolean swapped,
                            ContactSink sink) {
        int added = 0;
        for (int end = 0; end < 2; end++) {
            double px = ends[3 * end], py = ends[3 * end + 1], pz = ends[3 * end + 2];
            double t = closestOnSegment(other, px, py, pz);
            double qx = lerp(other, 0, t), qy = lerp(other, 1, t), qz = lerp(other, 2, t);
            added += swapped
                    ? sphereSphere(b, qx, qy, qz, rb, a, px, py, pz, ra, sink)
                    : sphereSphere(a, px, py, pz, ra, b, qx, qy, qz, rb, sink);
        }
        return added;
    }

    /** Box A against capsule B: capsule–box with A and B swapped and the normal flipped. */
    int boxCapsule(int a, double[] half, int h, double[] ta, int oa,
                   int b, double rb, double halfLength, double[] tb, int ob, ContactSink sink) {
        return capsuleBox(b, rb, halfLength, tb, ob, a, half, h, ta, oa, flipped.to(sink));
    }

    /**
     * Capsule A against box B: each end of the axis as a sphere against the box (a capsule lying on a
     * face gets two contacts); when neither end touches, the point of the axis closest to the box.
     */
    int capsuleBox(int a, double r, double halfLength, double[] ta, int oa,
                   int b, double[] half, int h, double[] tb, int ob, ContactSink sink) {
        segment(ta, oa, halfLength, seg);
        int added = sphereBox(a, seg[0], seg[1], seg[2], r, b, half, h, tb, ob, sink);
        added += sphereBox(a, seg[3], seg[4], seg[5], r, b, half, h, tb, ob, sink);
        if (added > 0) {
            return added;
        }
        double t = closestSegmentBox(half, h, tb, ob);
        return sphereBox(a, lerp(seg, 0, t), lerp(seg, 1, t), lerp(seg, 2, t), r, b, half, h, tb, ob, sink);
    }

    /** Minimises the distance from the segment to the box by ternary search (the distance is convex in t). */
    private double closestSegmentBox(double[] half, int h, double[] tb, int ob) {
        double lo = 0, hi = 1;
        for (int it = 0; it < 60; it++) {
            double m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
            if (boxDistanceSquared(m1, half, h, tb, ob) <= boxDistanceSquared(m2, half, h, tb, ob)) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return 0.5 * (lo + hi);
    }

    private double boxDistanceSquared(double t, double[] half, int h, double[] tb, int ob) {
        double dx = lerp(seg, 0, t) - tb[ob + 9], dy = lerp(seg, 1, t) - tb[ob + 10], dz = lerp(seg, 2, t) - tb[ob + 11];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            double l = tb[ob + k] * dx + tb[ob + 3 + k] * dy + tb[ob + 6 + k] * dz;
            double out = Math.abs(l) - half[h + k];
            if (out > 0) {
                sum += out * out;
            }
        }
        return sum;
    }

    /** The axis segment of a capsule (local z from −halfLength to +halfLength) in world coordinates. */
    private static void segment(double[] t, int o, double halfLength, double[] out) {
        for (int i = 0; i < 3; i++) {
            double axis = t[o + 3 * i + 2] * halfLength;
            out[i] = t[o + 9 + i] - axis;
            out[3 + i] = t[o + 9 + i] + axis;
        }
    }

    private static double lerp(double[] s, int i, double t) {
        return s[i] + t * (s[3 + i] - s[i]);
    }

    private static double closestOnSegment(double[] s, double x, double y, double z) {
        double ux = s[3] - s[0], uy = s[4] - s[1], uz = s[5] - s[2];
        double t = ((x - s[0]) * ux + (y - s[1]) * uy + (z - s[2]) * uz) / (ux * ux + uy * uy + uz * uz);
        return Math.max(0, Math.min(1, t));
    }

    /** Closest points of two non-parallel segments (Ericson, Real-Time Collision Detection §5.1.9). */
    private void closestSegmentSegment(double ux, double uy, double uz, double vx, double vy, double vz) {
        double rx = seg[0] - segB[0], ry = seg[1] - segB[1], rz = seg[2] - segB[2];
        double a = ux * ux + uy * uy + uz * uz;
        double e = vx * vx + vy * vy + vz * vz;
        double f = vx * rx + vy * ry + vz * rz;
        double c = ux * rx + uy * ry + uz * rz;
        double bb = ux * vx + uy * vy + uz * vz;
        double denom = a * e - bb * bb;
        double s = denom > 0 ? clamp01((bb * f - c * e) / denom) : 0;
        double t = (bb * s + f) / e;
        if (t < 0) {
            t = 0;
            s = clamp01(-c / a);
        } else if (t > 1) {
            t = 1;
            s = clamp01((bb - c) / a);
        }
        for (int i = 0; i < 3; i++) {
            closest[i] = lerp(seg, i, s);
            closest[3 + i] = lerp(segB, i, t);
        }
    }

    private static double clamp01(double x) {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }

    /** Hands contacts on with A and B swapped and the normal flipped, so one routine serves both orders. */
    private static final class FlippedSink implements ContactSink {
        private ContactSink target;

        FlippedSink to(ContactSink sink) {
            target = sink;
            return this;
        }

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
}
