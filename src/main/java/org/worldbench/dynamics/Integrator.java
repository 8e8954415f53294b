package org.worldbench.dynamics;

import org.worldbench.math.Rotations;

/**
 * DART's semi-implicit Euler (golden README §4.9): velocities first, then positions with the new
 * velocities. Ball and free joints integrate on the rotation group with DART's {@code expMapRot}
 * and {@code logMap}; a free joint's velocity is re-expressed in its new body frame.
 */
public final class Integrator {

    private Integrator() {
    }

    /**
     * One unconstrained step of {@code dt} s: forward dynamics, then velocities, then positions —
     * what {@code World::step()} does for a skeleton without contacts.
     */
    public static void step(Skeleton s, double dt) {
        ForwardDynamics.compute(s);
        integrateVelocities(s, dt);
        integratePositions(s, dt);
    }

    /** dq += dt·ddq; a free joint converts its spatial acceleration: v += dt·(a_v + ω×v). */
    public static void integrateVelocities(Skeleton s, double dt) {
        s.checkOpen();
        final double[] dq = s.dq;
        final double[] ddq = s.ddq;
        for (int i = 0; i < s.bodyCount; i++) {
            int d = s.dofStart[i];
            int nd = s.dofCount[i];
            if (s.jointCode[i] == JointType.FREE_CODE) {
                double wx = dq[d], wy = dq[d + 1], wz = dq[d + 2];
                double vx = dq[d + 3], vy = dq[d + 4], vz = dq[d + 5];
                dq[d] = wx + dt * ddq[d];
                dq[d + 1] = wy + dt * ddq[d + 1];
                dq[d + 2] = wz + dt * ddq[d + 2];
                dq[d + 3] = vx + dt * (ddq[d + 3] + (wy * vz - wz * vy));
                dq[d + 4] = vy + dt * (ddq[d + 4] + (wz * vx - wx * vz));
                dq[d + 5] = vz + dt * (ddq[d + 5] + (wx * vy - wy * vx));
            } else {
                for (int k = 0; k < nd; k++) {
                    dq[d + k] += dt * ddq[d + k];
                }
            }
        }
        s.velocitiesValid = false;
    }

    /** q ← q ⊕ dt·dq with the current (new) velocities. */
    public static void integratePositions(Skeleton s, double dt) {
        s.checkOpen();
        final double[] q = s.q;
        final double[] dq = s.dq;
        final double[] t = s.scratch;
        for (int i = 0; i < s.bodyCount; i++) {
            int d = s.dofStart[i];
            int code = s.jointCode[i];
            if (code == JointType.BALL_CODE) {
                Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, 0);
                Rotations.expMapRot(dt * dq[d], dt * dq[d + 1], dt * dq[d + 2], t, 9);
                multiply(t, 0, 9, 18);
                Rotations.logMap(t, 18, q, d);
            } else if (code == JointType.FREE_CODE) {
                Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, 0);
                double wx = dq[d], wy = dq[d + 1], wz = dq[d + 2];
                double vx = dq[d + 3], vy = dq[d + 4], vz = dq[d + 5];
                Rotations.expMapRot(dt * wx, dt * wy, dt * wz, t, 9);
                multiply(t, 0, 9, 18);
                // p += R·(dt·v) with the old R
                q[d + 3] += dt * (t[0] * vx + t[1] * vy + t[2] * vz);
                q[d + 4] += dt * (t[3] * vx + t[4] * vy + t[5] * vz);
                q[d + 5] += dt * (t[6] * vx + t[7] * vy + t[8] * vz);
                Rotations.logMap(t, 18, q, d);
                // re-express the twist in the new body frame: x ← R_dᵀ·x
                dq[d] = t[9] * wx + t[12] * wy + t[15] * wz;
                dq[d + 1] = t[10] * wx + t[13] * wy + t[16] * wz;
                dq[d + 2] = t[11] * wx + t[14] * wy + t[17] * wz;
                dq[d + 3] = t[9] * vx + t[12] * vy + t[15] * vz;
                dq[d + 4] = t[10] * vx + t[13] * vy + t[16] * vz;
                dq[d + 5] = t[11] * vx + t[14] * vy + t[17] * vz;
            } else {
                for (int k = 0; k < s.dofCount[i]; k++) {
                    q[d + k] += dt * dq[d + k];
                }
            }
        }
        s.invalidatePositions();
    }

    /** t[c..c+8] = t[a..a+8] · t[b..b+8] (3×3 row-major). */
    private static void multiply(double[] t, int a, int b, int c) {
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                t[c + 3 * r + col] = t[a + 3 * r] * t[b + col] + t[a + 3 * r + 1] * t[b + 3 + col]
                        + t[a + 3 * r + 2] * t[b + 6 + col];
            }
        }
    }
}
