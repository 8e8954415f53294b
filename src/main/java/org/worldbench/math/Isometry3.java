package org.worldbench.math;

import java.util.Arrays;

/**
 * A rigid transform (R, p) that maps coordinates of a child frame into a parent frame:
 * x_parent = R·x_child + p. Immutable; used to describe models, not in hot paths, which keep
 * transforms as 12 doubles in flat storage ({@link #copyTo}: R row-major, then p).
 */
public final class Isometry3 {

    private static final Isometry3 IDENTITY = new Isometry3(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0, 0, 0);

    /** R row-major (9 entries), then p (3 entries, metres). */
    private final double[] m = new double[12];

    private Isometry3(double[] rotation, double px, double py, double pz) {
        System.arraycopy(rotation, 0, m, 0, 9);
        m[9] = px;
        m[10] = py;
        m[11] = pz;
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("transform has a non-finite entry: " + this);
            }
        }
    }

    public static Isometry3 identity() {
        return IDENTITY;
    }

    public static Isometry3 translation(double x, double y, double z) {
        return new Isometry3(IDENTITY.m, x, y, z);
    }

    public static Isometry3 translation(Vec3 p) {
        return translation(p.x(), p.y(), p.z());
    }

    /** A rotation given row-major (9 entries), then a translation. */
    public static Isometry3 of(double[] rotationRowMajor, Vec3 p) {
        if (rotationRowMajor.length != 9) {
            throw new IllegalArgumentException("rotation needs 9 entries, got " + rotationRowMajor.length);
        }
        return new Isometry3(rotationRowMajor, p.x(), p.y(), p.z());
    }

    /** A 4×4 homogeneous matrix given row-major (16 entries; the last row is ignored). */
    public static Isometry3 fromRowMajor4x4(double[] t) {
        if (t.length != 16) {
            throw new IllegalArgumentException("a 4x4 transform needs 16 entries, got " + t.length);
        }
        double[] r = {t[0], t[1], t[2], t[4], t[5], t[6], t[8], t[9], t[10]};
        return new Isometry3(r, t[3], t[7], t[11]);
    }

    /** URDF {@code <origin xyz rpy>}: translation xyz (m) and rotation Rz(yaw)·Ry(pitch)·Rx(roll). */
    public static Isometry3 fromXyzRpy(Vec3 xyz, Vec3 rpy) {
        double[] r = new double[9];
        Rotations.rpy(rpy.x(), rpy.y(), rpy.z(), r, 0);
        return new Isometry3(r, xyz.x(), xyz.y(), xyz.z());
    }

    /** Rotation about the x axis by {@code angle} rad. */
    public static Isometry3 rotationX(double angle) {
        double[] r = new double[9];
        Rotations.axisAngle(1, 0, 0, angle, r, 0);
        return new Isometry3(r, 0, 0, 0);
    }

    /** Rotation of the rotation vector r (axis·angle, rad), DART's {@code expMapRot}. */
    public static Isometry3 rotationVector(Vec3 r) {
        double[] out = new double[9];
        Rotations.expMapRot(r.x(), r.y(), r.z(), out, 0);
        return new Isometry3(out, 0, 0, 0);
    }

    /** R(i, j), i and j in 0..2. */
    public double rotation(int i, int j) {
        return m[3 * i + j];
    }

    /** p(i), metres. */
    public double translation(int i) {
        return m[9 + i];
    }

    public Vec3 translation() {
        return new Vec3(m[9], m[10], m[11]);
    }

    /** this · other: first other, then this. */
    public Isometry3 compose(Isometry3 other) {
        double[] a = m;
        double[] b = other.m;
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = a[3 * i] * b[9] + a[3 * i + 1] * b[10] + a[3 * i + 2] * b[11] + a[9 + i];
        }
        return new Isometry3(r, p[0], p[1], p[2]);
    }

    /** (Rᵀ, −Rᵀp). */
    public Isometry3 inverse() {
        double[] r = {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
        double px = -(r[0] * m[9] + r[1] * m[10] + r[2] * m[11]);
        double py = -(r[3] * m[9] + r[4] * m[10] + r[5] * m[11]);
        double pz = -(r[6] * m[9] + r[7] * m[10] + r[8] * m[11]);
        return new Isometry3(r, px, py, pz);
    }

    /** Applies the transform to a point. */
    public Vec3 apply(Vec3 x) {
        return new Vec3(
                m[0] * x.x() + m[1] * x.y() + m[2] * x.z() + m[9],
                m[3] * x.x() + m[4] * x.y() + m[5] * x.z() + m[10],
                m[6] * x.x() + m[7] * x.y() + m[8] * x.z() + m[11]);
    }

    /** Applies only the rotation to a vector. */
    public Vec3 rotate(Vec3 x) {
        return new Vec3(
                m[0] * x.x() + m[1] * x.y() + m[2] * x.z(),
                m[3] * x.x() + m[4] * x.y() + m[5] * x.z(),
                m[6] * x.x() + m[7] * x.y() + m[8] * x.z());
    }

    /** True when this is exactly the identity (no rounding allowed). */
    public boolean isIdentity() {
        for (int i = 0; i < 12; i++) {
            if (m[i] != IDENTITY.m[i]) { // == treats -0.0 as 0.0
                return false;
            }
        }
        return true;
    }

    /** Writes R row-major then p (12 doubles) into {@code out} at {@code off}. */
    public void copyTo(double[] out, int off) {
        System.arraycopy(m, 0, out, off, 12);
    }

    /** The 4×4 homogeneous matrix, row-major (16 doubles), as the golden files store it. */
    public double[] toRowMajor4x4() {
        return new double[] {m[0], m[1], m[2], m[9], m[3], m[4], m[5], m[10], m[6], m[7], m[8], m[11], 0, 0, 0, 1};
    }

    /** Reads R row-major then p from {@code src} at {@code off}. */
    public static Isometry3 fromFlat(double[] src, int off) {
        double[] r = Arrays.copyOfRange(src, off, off + 9);
        return new Isometry3(r, src[off + 9], src[off + 10], src[off + 11]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Isometry3 other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "Isometry3" + Arrays.toString(m);
    }
}
