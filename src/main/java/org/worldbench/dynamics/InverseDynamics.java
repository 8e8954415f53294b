package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AW;
import static org.worldbench.dynamics.BodyRecord.CW;
import static org.worldbench.dynamics.BodyRecord.FEXT;
import static org.worldbench.dynamics.BodyRecord.FW;
import static org.worldbench.dynamics.BodyRecord.IW;
import static org.worldbench.dynamics.BodyRecord.VW;

/**
 * Recursive Newton–Euler in the world frame: τ = M(q)·ddq + c(q, dq) + g(q), and its parts.
 * Like DART's {@code computeInverseDynamics()} with default arguments: no external forces, no
 * damping or spring forces. Signs follow golden README §4.5: g is the torque that holds the
 * skeleton against gravity.
 */
public final class InverseDynamics {

    private InverseDynamics() {
    }

    /** τ = M·ddq + c + g into {@code tauOut} (length dofs). */
    public static void compute(Skeleton s, double[] ddq, double[] tauOut) {
        run(s, ddq, true, true, false, tauOut);
    }

    /** τ = M·ddq + c + g − Σ Jᵢᵀ·f_ext,i: the forces that produce {@code ddq} under the external forces. */
    public static void computeWithExternalForces(Skeleton s, double[] ddq, double[] tauOut) {
        run(s, ddq, true, true, true, tauOut);
    }

    /** c + g (DART's {@code getCoriolisAndGravityForces()}). */
    public static void coriolisAndGravity(Skeleton s, double[] out) {
        run(s, null, true, true, false, out);
    }

    /** c = C(q, dq)·dq (DART's {@code getCoriolisForces()}). */
    public static void coriolis(Skeleton s, double[] out) {
        run(s, null, true, false, false, out);
    }

    /** g(q) (DART's {@code getGravityForces()}). */
    public static void gravity(Skeleton s, double[] out) {
        run(s, null, false, true, false, out);
    }

    private static void run(Skeleton s, double[] acc, boolean velocity, boolean gravity, boolean external,
            double[] out) {
        s.checkOpen();
        if (out.length < s.dofs || (acc != null && acc.length < s.dofs)) {
            throw new IllegalArgumentException("vectors need " + s.dofs + " entries");
        }
        if (velocity) {
            Kinematics.updateVelocities(s);
        } else {
            Kinematics.updateFrames(s);
        }
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        // the world's spatial acceleration −g stands in for gravity
        t[R_WORLD] = 0;
        t[R_WORLD + 1] = 0;
        t[R_WORLD + 2] = 0;
        t[R_WORLD + 3] = gravity ? -s.gravityX : 0;
        t[R_WORLD + 4] = gravity ? -s.gravityY : 0;
        t[R_WORLD + 5] = gravity ? -s.gravityZ : 0;
        for (int i = 0; i < n; i++) {
            forwardBody(b, offset[i], parent[i] < 0 ? -1 : offset[parent[i]], dofCount[i], dofStart[i], acc,
                    velocity, external, t);
        }
        for (int i = n - 1; i >= 0; i--) {
            backwardBody(b, offset[i], parent[i] < 0 ? -1 : offset[parent[i]], dofCount[i], dofStart[i], out, t);
        }
    }

    /** Scratch layout of {@link #forwardBody} and {@link #backwardBody}. */
    private static final int R_WORLD = 0;
    private static final int R_A = 8;
    private static final int R_CW = 16;
    private static final int R_IW = 24;
    private static final int R_V = 40;
    private static final int R_EXT = 48;
    private static final int R_F = 56;
    private static final int R_PF = 64;
    private static final int R_SW = 72;

    /** a = a_parent + c + S·ddq; f = I·a + V ×* (I·V) − f_ext. */
    private static void forwardBody(StateBlock b, int o, int po, int nd, int d, double[] acc, boolean velocity,
            boolean external, double[] t) {
        if (po >= 0) {
            b.read(po + AW, t, R_A, 6);
        } else {
            System.arraycopy(t, R_WORLD, t, R_A, 6);
        }
        double ax = t[R_A], ay = t[R_A + 1], az = t[R_A + 2];
        double lx = t[R_A + 3], ly = t[R_A + 4], lz = t[R_A + 5];
        if (velocity) {
            b.read(o + CW, t, R_CW, 6);
            ax += t[R_CW]; ay += t[R_CW + 1]; az += t[R_CW + 2];
            lx += t[R_CW + 3]; ly += t[R_CW + 4]; lz += t[R_CW + 5];
        }
        if (acc != null && nd > 0) {
            b.read(o + BodyRecord.sw(nd), t, R_SW, 6 * nd);
            for (int k = 0; k < nd; k++) {
                double a = acc[d + k];
                int c = R_SW + 6 * k;
                ax += t[c] * a; ay += t[c + 1] * a; az += t[c + 2] * a;
                lx += t[c + 3] * a; ly += t[c + 4] * a; lz += t[c + 5] * a;
            }
        }
        t[R_A] = ax; t[R_A + 1] = ay; t[R_A + 2] = az;
        t[R_A + 3] = lx; t[R_A + 4] = ly; t[R_A + 5] = lz;
        b.write(t, R_A, o + AW, 6);
        b.read(o + IW, t, R_IW, 10);
        double m = t[R_IW], hx = t[R_IW + 1], hy = t[R_IW + 2], hz = t[R_IW + 3];
        double ixx = t[R_IW + 4], iyy = t[R_IW + 5], izz = t[R_IW + 6];
        double ixy = t[R_IW + 7], ixz = t[R_IW + 8], iyz = t[R_IW + 9];
        // f = I·a
        double fx = ixx * ax + ixy * ay + ixz * az + hy * lz - hz * ly;
        double fy = ixy * ax + iyy * ay + iyz * az + hz * lx - hx * lz;
        double fz = ixz * ax + iyz * ay + izz * az + hx * ly - hy * lx;
        double gx = m * lx - (hy * az - hz * ay);
        double gy = m * ly - (hz * ax - hx * az);
        double gz = m * lz - (hx * ay - hy * ax);
        if (velocity) {
            b.read(o + VW, t, R_V, 6);
            double wx = t[R_V], wy = t[R_V + 1], wz = t[R_V + 2];
            double vx = t[R_V + 3], vy = t[R_V + 4], vz = t[R_V + 5];
            // + V ×* (I·V)
            double nx = ixx * wx + ixy * wy + ixz * wz + hy * vz - hz * vy;
            double ny = ixy * wx + iyy * wy + iyz * wz + hz * vx - hx * vz;
            double nz = ixz * wx + iyz * wy + izz * wz + hx * vy - hy * vx;
            double kx = m * vx - (hy * wz - hz * wy);
            double ky = m * vy - (hz * wx - hx * wz);
            double kz = m * vz - (hx * wy - hy * wx);
            fx += wy * nz - wz * ny + vy * kz - vz * ky;
            fy += wz * nx - wx * nz + vz * kx - vx * kz;
            fz += wx * ny - wy * nx + vx * ky - vy * kx;
            gx += wy * kz - wz * ky;
            gy += wz * kx - wx * kz;
            gz += wx * ky - wy * kx;
        }
        if (external) {
            b.read(o + FEXT, t, R_EXT, 6);
            fx -= t[R_EXT]; fy -= t[R_EXT + 1]; fz -= t[R_EXT + 2];
            gx -= t[R_EXT + 3]; gy -= t[R_EXT + 4]; gz -= t[R_EXT + 5];
        }
        t[R_F] = fx; t[R_F + 1] = fy; t[R_F + 2] = fz;
        t[R_F + 3] = gx; t[R_F + 4] = gy; t[R_F + 5] = gz;
        b.write(t, R_F, o + FW, 6);
    }

    /** τ = Sᵀ·f; the parent's force receives f. */
    private static void backwardBody(StateBlock b, int o, int po, int nd, int d, double[] out, double[] t) {
        b.read(o + FW, t, R_F, 6);
        double fx = t[R_F], fy = t[R_F + 1], fz = t[R_F + 2];
        double gx = t[R_F + 3], gy = t[R_F + 4], gz = t[R_F + 5];
        if (nd > 0) {
            b.read(o + BodyRecord.sw(nd), t, R_SW, 6 * nd);
            for (int k = 0; k < nd; k++) {
                int c = R_SW + 6 * k;
                out[d + k] = t[c] * fx + t[c + 1] * fy + t[c + 2] * fz
                        + t[c + 3] * gx + t[c + 4] * gy + t[c + 5] * gz;
            }
        }
        if (po >= 0) {
            b.read(po + FW, t, R_PF, 6);
            for (int k = 0; k < 6; k++) {
                t[R_PF + k] += t[R_F + k];
            }
            b.write(t, R_PF, po + FW, 6);
        }
    }
}
