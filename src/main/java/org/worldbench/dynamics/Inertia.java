package org.worldbench.dynamics;

import org.worldbench.math.Vec3;

/**
 * Mass properties of one body.
 *
 * @param mass kg, finite and ≥ 0
 * @param com  centre of mass in the body frame, m
 * @param ixx  moment of inertia about the COM, body axes, kg·m² (likewise iyy, izz and the
 *             products ixy, ixz, iyz, with I = [[ixx, ixy, ixz], [ixy, iyy, iyz], [ixz, iyz, izz]])
 * @param iyy  see ixx
 * @param izz  see ixx
 * @param ixy  see ixx
 * @param ixz  see ixx
 * @param iyz  see ixx
 */
public record Inertia(double mass, Vec3 com, double ixx, double iyy, double izz, double ixy, double ixz, double iyz) {

    /** DART's default for a body without mass properties: 1 kg at the origin, identity inertia. */
    public static final Inertia DEFAULT = new Inertia(1, Vec3.ZERO, 1, 1, 1, 0, 0, 0);

    /**
     * @throws IllegalArgumentException if the mass is negative or not finite, or the inertia matrix
     *                                  is not symmetric positive definite
     */
    public Inertia {
        if (!Double.isFinite(mass) || mass < 0) {
            throw new IllegalArgumentException("mass must be finite and >= 0, got " + mass);
        }
        if (com == null || !com.isFinite()) {
            throw new IllegalArgumentException("centre of mass must be finite, got " + com);
        }
        String problem = positiveDefiniteProblem(ixx, iyy, izz, ixy, ixz, iyz);
        if (problem != null) {
            throw new IllegalArgumentException("inertia " + problem);
        }
    }

    /** Why the symmetric matrix is not positive definite, or null if it is (Sylvester's criterion). */
    public static String positiveDefiniteProblem(double ixx, double iyy, double izz, double ixy, double ixz, double iyz) {
        for (double v : new double[] {ixx, iyy, izz, ixy, ixz, iyz}) {
            if (!Double.isFinite(v)) {
                return "has a non-finite entry";
            }
        }
        double minor2 = ixx * iyy - ixy * ixy;
        double det = ixx * (iyy * izz - iyz * iyz) - ixy * (ixy * izz - iyz * ixz) + ixz * (ixy * iyz - iyy * ixz);
        if (ixx <= 0 || minor2 <= 0 || det <= 0) {
            return String.format("is not positive definite (ixx=%s ixy=%s ixz=%s iyy=%s iyz=%s izz=%s)",
                    ixx, ixy, ixz, iyy, iyz, izz);
        }
        return null;
    }

    /** A solid box of size (sx, sy, sz) m centred at {@code com}, as DART's {@code BoxShape::computeInertia}. */
    public static Inertia box(double mass, double sx, double sy, double sz, Vec3 com) {
        return new Inertia(mass, com,
                mass / 12 * (sy * sy + sz * sz),
                mass / 12 * (sx * sx + sz * sz),
                mass / 12 * (sx * sx + sy * sy), 0, 0, 0);
    }

    /** The inertia rotated by R (row-major 3×3): R·I·Rᵀ, same mass and COM. */
    public Inertia rotated(double[] r) {
        double[] i = {ixx, ixy, ixz, ixy, iyy, iyz, ixz, iyz, izz};
        double[] ri = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                ri[3 * a + b] = r[3 * a] * i[b] + r[3 * a + 1] * i[3 + b] + r[3 * a + 2] * i[6 + b];
            }
        }
        double[] out = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                out[3 * a + b] = ri[3 * a] * r[3 * b] + ri[3 * a + 1] * r[3 * b + 1] + ri[3 * a + 2] * r[3 * b + 2];
            }
        }
        return new Inertia(mass, com, out[0], out[4], out[8], out[1], out[2], out[5]);
    }
}
