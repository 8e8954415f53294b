package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.IW;
import static org.worldbench.dynamics.BodyRecord.MASS;
import static org.worldbench.dynamics.BodyRecord.TW;
import static org.worldbench.dynamics.BodyRecord.VW;

/** Kinetic and potential energy of a skeleton, J. */
public final class Energy {

    private Energy() {
    }

    /** Σ ½ Vᵢᵀ Gᵢ Vᵢ = ½ dqᵀ M dq (DART's {@code computeKineticEnergy()}). */
    public static double kinetic(Skeleton s) {
        s.checkOpen();
        Kinematics.updateVelocities(s);
        StateBlock b = s.block;
        double e = 0;
        for (int i = 0; i < s.bodyCount; i++) {
            int o = s.offset[i];
            int iw = o + IW;
            int v = o + VW;
            double m = b.get(iw), hx = b.get(iw + 1), hy = b.get(iw + 2), hz = b.get(iw + 3);
            double ixx = b.get(iw + 4), iyy = b.get(iw + 5), izz = b.get(iw + 6);
            double ixy = b.get(iw + 7), ixz = b.get(iw + 8), iyz = b.get(iw + 9);
            double wx = b.get(v), wy = b.get(v + 1), wz = b.get(v + 2);
            double vx = b.get(v + 3), vy = b.get(v + 4), vz = b.get(v + 5);
            double nx = ixx * wx + ixy * wy + ixz * wz + hy * vz - hz * vy;
            double ny = ixy * wx + iyy * wy + iyz * wz + hz * vx - hx * vz;
            double nz = ixz * wx + iyz * wy + izz * wz + hx * vy - hy * vx;
            double kx = m * vx - (hy * wz - hz * wy);
            double ky = m * vy - (hz * wx - hx * wz);
            double kz = m * vz - (hx * wy - hy * wx);
            e += wx * nx + wy * ny + wz * nz + vx * kx + vy * ky + vz * kz;
        }
        return 0.5 * e;
    }

    /**
     * DART's {@code computePotentialEnergy()}: Σ −mᵢ·g·pᵢ with pᵢ the world position of body i's
     * frame <em>origin</em> (not its COM; golden README §4.8), plus the joint springs' ½k(q − q_rest)².
     */
    public static double potential(Skeleton s) {
        s.checkOpen();
        Kinematics.updatePositions(s);
        StateBlock b = s.block;
        double e = 0;
        for (int i = 0; i < s.bodyCount; i++) {
            int o = s.offset[i];
            double m = b.get(o + MASS);
            int w = o + TW;
            e -= m * (s.gravityX * b.get(w + 9) + s.gravityY * b.get(w + 10) + s.gravityZ * b.get(w + 11));
            int nd = s.dofCount[i];
            for (int k = 0; k < nd; k++) {
                double stiffness = b.get(o + BodyRecord.stiffness(nd) + k);
                if (stiffness != 0) {
                    double x = s.q[s.dofStart[i] + k] - b.get(o + BodyRecord.rest(nd) + k);
                    e += 0.5 * stiffness * x * x;
                }
            }
        }
        return e;
    }

    /** The physical gravitational potential energy −m_total·g·com (J). */
    public static double gravitationalPotentialOfCom(Skeleton s) {
        double[] com = s.scratch;
        Kinematics.centerOfMass(s, com, 0);
        return -s.totalMass() * (s.gravityX * com[0] + s.gravityY * com[1] + s.gravityZ * com[2]);
    }
}
