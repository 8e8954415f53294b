package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AW;
import static org.worldbench.dynamics.BodyRecord.FEXT;
import static org.worldbench.dynamics.BodyRecord.MASS;
import static org.worldbench.dynamics.BodyRecord.TW;

/**
 * Closed forms for a skeleton of one body on a free joint without a child offset ({@link
 * Skeleton#freeBody}): every cube of a contact scene. Its motion subspace S is the identity, so dq
 * is the body twist V = [ω; v] in body coordinates and the joint-space mass matrix is the body's
 * spatial inertia about its origin in body axes, G = [[Ī, [h]×], [[h]×ᵀ, m·1]] with h = m·c and
 * Ī = I_c + m(|c|²·1 − c·cᵀ): a constant, read from the record's mass properties.
 *
 * <p>Forward dynamics is then Newton–Euler in the body frame (what DART's free-joint ABA reduces
 * to): (G + h·diag(d) + h²·diag(k))·ddq = τ − d∘dq − k∘(q − q_rest + h·dq) − V ×* (G·V) + f_b
 * + G·[0; Rᵀ·g], with f_b the external force in body coordinates about the body origin. The
 * general world-frame ABA gets the same quantity through a 6-dof backward step (U = IA·S,
 * D = Sᵀ·U, a 6×6 inverse) and a forward step; here it is one 6×6 Cholesky solve. The rounding
 * differs from the general path, not the quantity (CrossCheckTest, golden trajectories).
 */
final class FreeBody {

    /** Scratch layout: the record from MASS through TW (adjacent), damping|stiffness|rest, D, rhs. */
    private static final int REC = 0;
    private static final int DSR = REC + TW + 12;
    private static final int D = DSR + 18;
    private static final int RHS = D + 36;

    private FreeBody() {
    }

    /**
     * {@link ForwardDynamics#compute} for a free body: the kinematics every other algorithm reads
     * (TW, SW, IW, VW, CW) exactly as the general path leaves them, then ddq in closed form and the
     * body's spatial acceleration AW. ABA's per-dof factors (U, D⁻¹, u) are not written: nothing
     * reads them after the call.
     */
    static void forwardDynamics(Skeleton s) {
        Kinematics.updateVelocities(s);
        final StateBlock b = s.block;
        final double[] t = s.scratch;
        final int o = s.offset[0];
        b.read(o + MASS, t, REC, TW + 12);
        b.read(o + BodyRecord.damping(6), t, DSR, 18);
        double m = t[REC + MASS];
        double hx = m * t[REC + MASS + 1], hy = m * t[REC + MASS + 2], hz = m * t[REC + MASS + 3];
        spatialInertia(t, REC, t, D, 6);
        final double[] q = s.q;
        final double[] dq = s.dq;
        final double[] tau = s.tau;
        final double h = s.timeStep;
        double wx = dq[0], wy = dq[1], wz = dq[2], vx = dq[3], vy = dq[4], vz = dq[5];
        // G·V = [n; k], bias V ×* (G·V) = [ω × n + v × k; ω × k]
        double nx = t[D] * wx + t[D + 1] * wy + t[D + 2] * wz + hy * vz - hz * vy;
        double ny = t[D + 6] * wx + t[D + 7] * wy + t[D + 8] * wz + hz * vx - hx * vz;
        double nz = t[D + 12] * wx + t[D + 13] * wy + t[D + 14] * wz + hx * vy - hy * vx;
        double kx = m * vx - (hy * wz - hz * wy);
        double ky = m * vy - (hz * wx - hx * wz);
        double kz = m * vz - (hx * wy - hy * wx);
        double bx = wy * nz - wz * ny + vy * kz - vz * ky;
        double by = wz * nx - wx * nz + vz * kx - vx * kz;
        double bz = wx * ny - wy * nx + vx * ky - vy * kx;
        double cx = wy * kz - wz * ky;
        double cy = wz * kx - wx * kz;
        double cz = wx * ky - wy * kx;
        // R (row-major) and p of the body in the world
        final int tw = REC + TW;
        double r00 = t[tw], r01 = t[tw + 1], r02 = t[tw + 2];
        double r10 = t[tw + 3], r11 = t[tw + 4], r12 = t[tw + 5];
        double r20 = t[tw + 6], r21 = t[tw + 7], r22 = t[tw + 8];
        double px = t[tw + 9], py = t[tw + 10], pz = t[tw + 11];
        // the external force (world, about the world origin) in body axes about the body origin
        final int f = REC + FEXT;
        double fkx = t[f + 3], fky = t[f + 4], fkz = t[f + 5];
        double fnx = t[f] - (py * fkz - pz * fky);
        double fny = t[f + 1] - (pz * fkx - px * fkz);
        double fnz = t[f + 2] - (px * fky - py * fkx);
        // gravity in body axes, γ = Rᵀ·g; G·[0; γ] = [h × γ; m·γ]
        double gx = s.gravityX, gy = s.gravityY, gz = s.gravityZ;
        double ux = r00 * gx + r10 * gy + r20 * gz;
        double uy = r01 * gx + r11 * gy + r21 * gz;
        double uz = r02 * gx + r12 * gy + r22 * gz;
        t[RHS] = (r00 * fnx + r10 * fny + r20 * fnz) - bx + (hy * uz - hz * uy);
        t[RHS + 1] = (r01 * fnx + r11 * fny + r21 * fnz) - by + (hz * ux - hx * uz);
        t[RHS + 2] = (r02 * fnx + r12 * fny + r22 * fnz) - bz + (hx * uy - hy * ux);
        t[RHS + 3] = (r00 * fkx + r10 * fky + r20 * fkz) - cx + m * ux;
        t[RHS + 4] = (r01 * fkx + r11 * fky + r21 * fkz) - cy + m * uy;
        t[RHS + 5] = (r02 * fkx + r12 * fky + r22 * fkz) - cz + m * uz;
        // DART's semi-implicit joint damping and springs: diagonal terms on both sides
        for (int k = 0; k < 6; k++) {
            double damping = t[DSR + k], stiffness = t[DSR + 6 + k];
            t[RHS + k] += tau[k] - damping * dq[k] - stiffness * (q[k] - t[DSR + 12 + k] + h * dq[k]);
            t[D + 7 * k] += h * damping + h * h * stiffness;
        }
        choleskySolve(t, D, RHS, s.name());
        final double[] ddq = s.ddq;
        System.arraycopy(t, RHS, ddq, 0, 6);
        // AW = [0; −g] + Ad_T·ddq
        double ax = ddq[0], ay = ddq[1], az = ddq[2];
        double awx = r00 * ax + r01 * ay + r02 * az;
        double awy = r10 * ax + r11 * ay + r12 * az;
        double awz = r20 * ax + r21 * ay + r22 * az;
        double lx = ddq[3], ly = ddq[4], lz = ddq[5];
        t[RHS] = awx;
        t[RHS + 1] = awy;
        t[RHS + 2] = awz;
        t[RHS + 3] = r00 * lx + r01 * ly + r02 * lz + (py * awz - pz * awy) - gx;
        t[RHS + 4] = r10 * lx + r11 * ly + r12 * lz + (pz * awx - px * awz) - gy;
        t[RHS + 5] = r20 * lx + r21 * ly + r22 * lz + (px * awy - py * awx) - gz;
        b.write(t, RHS, o + AW, 6);
    }

    /**
     * The joint-space mass matrix of a free body: its spatial inertia G about the body origin in
     * body axes, constant (no kinematics needed), into {@link Skeleton#massMatrix}.
     */
    static void massMatrix(Skeleton s) {
        final double[] t = s.scratch;
        s.block.read(s.offset[0] + MASS, t, 0, 10);
        spatialInertia(t, 0, s.massMatrix, 0, 6);
    }

    /**
     * G = [[Ī, [h]×], [[h]×ᵀ, m·1]] from the mass properties at {@code rec} (MASS, COM, INERTIA as
     * in the record) into {@code out} at {@code at}, row stride {@code stride}.
     */
    private static void spatialInertia(double[] rec, int at0, double[] out, int at, int stride) {
        double m = rec[at0];
        double cx = rec[at0 + 1], cy = rec[at0 + 2], cz = rec[at0 + 3];
        double hx = m * cx, hy = m * cy, hz = m * cz;
        double ixx = rec[at0 + 4] + m * (cy * cy + cz * cz);
        double iyy = rec[at0 + 5] + m * (cx * cx + cz * cz);
        double izz = rec[at0 + 6] + m * (cx * cx + cy * cy);
        double ixy = rec[at0 + 7] - m * cx * cy;
        double ixz = rec[at0 + 8] - m * cx * cz;
        double iyz = rec[at0 + 9] - m * cy * cz;
        int r0 = at, r1 = at + stride, r2 = r1 + stride, r3 = r2 + stride, r4 = r3 + stride, r5 = r4 + stride;
        out[r0] = ixx; out[r0 + 1] = ixy; out[r0 + 2] = ixz; out[r0 + 3] = 0; out[r0 + 4] = -hz; out[r0 + 5] = hy;
        out[r1] = ixy; out[r1 + 1] = iyy; out[r1 + 2] = iyz; out[r1 + 3] = hz; out[r1 + 4] = 0; out[r1 + 5] = -hx;
        out[r2] = ixz; out[r2 + 1] = iyz; out[r2 + 2] = izz; out[r2 + 3] = -hy; out[r2 + 4] = hx; out[r2 + 5] = 0;
        out[r3] = 0; out[r3 + 1] = hz; out[r3 + 2] = -hy; out[r3 + 3] = m; out[r3 + 4] = 0; out[r3 + 5] = 0;
        out[r4] = -hz; out[r4 + 1] = 0; out[r4 + 2] = hx; out[r4 + 3] = 0; out[r4 + 4] = m; out[r4 + 5] = 0;
        out[r5] = hy; out[r5 + 1] = -hx; out[r5 + 2] = 0; out[r5 + 3] = 0; out[r5 + 4] = 0; out[r5 + 5] = m;
    }

    /**
     * Solves D·x = rhs for the symmetric positive-definite 6×6 D at {@code t[d]} (overwritten by
     * its Cholesky factor, lower triangle) and rhs at {@code t[rhs]} (overwritten by x).
     */
    private static void choleskySolve(double[] t, int d, int rhs, String skeleton) {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                double v = t[d + 6 * i + j];
                for (int k = 0; k < j; k++) {
                    v -= t[d + 6 * i + k] * t[d + 6 * j + k];
                }
                if (i == j) {
                    if (!(v > 0)) {
                        throw new ArithmeticException("skeleton '" + skeleton + "': articulated inertia is singular ("
                                + v + ")");
                    }
                    t[d + 7 * i] = Math.sqrt(v);
                } else {
                    t[d + 6 * i + j] = v / t[d + 7 * j];
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            double v = t[rhs + i];
            for (int k = 0; k < i; k++) {
                v -= t[d + 6 * i + k] * t[rhs + k];
            }
            t[rhs + i] = v / t[d + 7 * i];
        }
        for (int i = 5; i >= 0; i--) {
            double v = t[rhs + i];
            for (int k = i + 1; k < 6; k++) {
                v -= t[d + 6 * k + i] * t[rhs + k];
            }
            t[rhs + i] = v / t[d + 7 * i];
        }
    }
}
