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
        final int n = s.bodyCount;
        // the world's spatial acceleration −g stands in for gravity
        final double g0x = gravity ? -s.gravityX : 0;
        final double g0y = gravity ? -s.gravityY : 0;
        final double g0z = gravity ? -s.gravityZ : 0;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int pi = parent[i];
            double ax, ay, az, lx, ly, lz;
            if (pi >= 0) {
                int pa = offset[pi] + AW;
                ax = b.get(pa); ay = b.get(pa + 1); az = b.get(pa + 2);
                lx = b.get(pa + 3); ly = b.get(pa + 4); lz = b.get(pa + 5);
            } else {
                ax = 0; ay = 0; az = 0;
                lx = g0x; ly = g0y; lz = g0z;
            }
            if (velocity) {
                int c = o + CW;
                ax += b.get(c); ay += b.get(c + 1); az += b.get(c + 2);
                lx += b.get(c + 3); ly += b.get(c + 4); lz += b.get(c + 5);
            }
            final int nd = dofCount[i];
            if (acc != null) {
                final int sw = o + BodyRecord.sw(nd);
                final int d = dofStart[i];
                for (int k = 0; k < nd; k++) {
                    double a = acc[d + k];
                    int c = sw + 6 * k;
                    ax += b.get(c) * a; ay += b.get(c + 1) * a; az += b.get(c + 2) * a;
                    lx += b.get(c + 3) * a; ly += b.get(c + 4) * a; lz += b.get(c + 5) * a;
                }
            }
            final int aw = o + AW;
            b.set(aw, ax); b.set(aw + 1, ay); b.set(aw + 2, az);
            b.set(aw + 3, lx); b.set(aw + 4, ly); b.set(aw + 5, lz);
            final int iw = o + IW;
            double m = b.get(iw), hx = b.get(iw + 1), hy = b.get(iw + 2), hz = b.get(iw + 3);
            double ixx = b.get(iw + 4), iyy = b.get(iw + 5), izz = b.get(iw + 6);
            double ixy = b.get(iw + 7), ixz = b.get(iw + 8), iyz = b.get(iw + 9);
            // f = I·a
            double fx = ixx * ax + ixy * ay + ixz * az + hy * lz - hz * ly;
            double fy = ixy * ax + iyy * ay + iyz * az + hz * lx - hx * lz;
            double fz = ixz * ax + iyz * ay + izz * az + hx * ly - hy * lx;
            double gx = m * lx - (hy * az - hz * ay);
            double gy = m * ly - (hz * ax - hx * az);
            double gz = m * lz - (hx * ay - hy * ax);
            if (velocity) {
                int v = o + VW;
                double wx = b.get(v), wy = b.get(v + 1), wz = b.get(v + 2);
                double vx = b.get(v + 3), vy = b.get(v + 4), vz = b.get(v + 5);
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
                int e = o + FEXT;
                fx -= b.get(e); fy -= b.get(e + 1); fz -= b.get(e + 2);
                gx -= b.get(e + 3); gy -= b.get(e + 4); gz -= b.get(e + 5);
            }
            final int fw = o + FW;
            b.set(fw, fx); b.set(fw + 1, fy); b.set(fw + 2, fz);
            b.set(fw + 3, gx); b.set(fw + 4, gy); b.set(fw + 5, gz);
        }
        for (int i = n - 1; i >= 0; i--) {
            final int o = offset[i];
            final int fw = o + FW;
            double fx = b.get(fw), fy = b.get(fw + 1), fz = b.get(fw + 2);
            double gx = b.get(fw + 3), gy = b.get(fw + 4), gz = b.get(fw + 5);
            final int nd = dofCount[i];
            final int sw = o + BodyRecord.sw(nd);
            final int d = dofStart[i];
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                out[d + k] = b.get(c) * fx + b.get(c + 1) * fy + b.get(c + 2) * fz
                        + b.get(c + 3) * gx + b.get(c + 4) * gy + b.get(c + 5) * gz;
            }
            final int pi = parent[i];
            if (pi >= 0) {
                int pf = offset[pi] + FW;
                b.add(pf, fx); b.add(pf + 1, fy); b.add(pf + 2, fz);
                b.add(pf + 3, gx); b.add(pf + 4, gy); b.add(pf + 5, gz);
            }
        }
    }
}
