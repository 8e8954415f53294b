package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AW;
import static org.worldbench.dynamics.BodyRecord.CW;
import static org.worldbench.dynamics.BodyRecord.FEXT;
import static org.worldbench.dynamics.BodyRecord.FW;
import static org.worldbench.dynamics.BodyRecord.IA;
import static org.worldbench.dynamics.BodyRecord.IMPULSE;
import static org.worldbench.dynamics.BodyRecord.IW;
import static org.worldbench.dynamics.BodyRecord.VW;

/**
 * Featherstone's articulated-body algorithm in the world frame (articulated inertias about the
 * world origin add up without transforms).
 *
 * <p>{@link #compute} is DART's {@code computeForwardDynamics()}: it solves
 * (M + h·diag(d) + h²·diag(k))·ddq = τ − c − g − d∘dq − k∘(q − q_rest + h·dq) + Σ Jᵢᵀ f_ext,i
 * with joint damping d and springs k taken semi-implicitly over the skeleton's time step h
 * (golden README §4.6). {@link #impulse} is DART's {@code computeImpulseForwardDynamics()}:
 * the velocity change M⁻¹·Σ Jᵢᵀ·impulseᵢ caused by the constraint impulses on the bodies.
 */
public final class ForwardDynamics {

    /** Scratch layout: D (36), D⁻¹·Uᵀ rows W (36), Gauss–Jordan work (72). */
    private static final int D = 0;
    private static final int W = 36;

    private ForwardDynamics() {
    }

    /** Generalized accelerations for the current q, dq, τ and external forces, into the skeleton. */
    public static void compute(Skeleton s) {
        run(s, false, s.ddq);
    }

    /** Velocity change caused by the bodies' constraint impulses, into {@link Skeleton#velocityChange(int)}. */
    public static void impulse(Skeleton s) {
        run(s, true, s.velocityChange);
    }

    private static void run(Skeleton s, boolean impulse, double[] out) {
        if (impulse) {
            Kinematics.updateFrames(s);
        } else {
            Kinematics.updateVelocities(s);
        }
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] q = s.q;
        final double[] dq = s.dq;
        final double[] tau = s.tau;
        final double[] t = s.scratch;
        final double h = s.timeStep;
        final int n = s.bodyCount;

        // pass 1: IA = IW, bias force p = V ×* (IW·V) − f_ext
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int iw = o + IW;
            double m = b.get(iw), hx = b.get(iw + 1), hy = b.get(iw + 2), hz = b.get(iw + 3);
            double ixx = b.get(iw + 4), iyy = b.get(iw + 5), izz = b.get(iw + 6);
            double ixy = b.get(iw + 7), ixz = b.get(iw + 8), iyz = b.get(iw + 9);
            final int ia = o + IA;
            // [[Ī, [h]×], [[h]×ᵀ, m·1]]
            b.set(ia, ixx); b.set(ia + 1, ixy); b.set(ia + 2, ixz);
            b.set(ia + 3, 0); b.set(ia + 4, -hz); b.set(ia + 5, hy);
            b.set(ia + 6, ixy); b.set(ia + 7, iyy); b.set(ia + 8, iyz);
            b.set(ia + 9, hz); b.set(ia + 10, 0); b.set(ia + 11, -hx);
            b.set(ia + 12, ixz); b.set(ia + 13, iyz); b.set(ia + 14, izz);
            b.set(ia + 15, -hy); b.set(ia + 16, hx); b.set(ia + 17, 0);
            b.set(ia + 18, 0); b.set(ia + 19, hz); b.set(ia + 20, -hy);
            b.set(ia + 21, m); b.set(ia + 22, 0); b.set(ia + 23, 0);
            b.set(ia + 24, -hz); b.set(ia + 25, 0); b.set(ia + 26, hx);
            b.set(ia + 27, 0); b.set(ia + 28, m); b.set(ia + 29, 0);
            b.set(ia + 30, hy); b.set(ia + 31, -hx); b.set(ia + 32, 0);
            b.set(ia + 33, 0); b.set(ia + 34, 0); b.set(ia + 35, m);
            double fx = 0, fy = 0, fz = 0, gx = 0, gy = 0, gz = 0;
            if (!impulse) {
                int v = o + VW;
                double wx = b.get(v), wy = b.get(v + 1), wz = b.get(v + 2);
                double vx = b.get(v + 3), vy = b.get(v + 4), vz = b.get(v + 5);
                double nx = ixx * wx + ixy * wy + ixz * wz + hy * vz - hz * vy;
                double ny = ixy * wx + iyy * wy + iyz * wz + hz * vx - hx * vz;
                double nz = ixz * wx + iyz * wy + izz * wz + hx * vy - hy * vx;
                double kx = m * vx - (hy * wz - hz * wy);
                double ky = m * vy - (hz * wx - hx * wz);
                double kz = m * vz - (hx * wy - hy * wx);
                fx = wy * nz - wz * ny + vy * kz - vz * ky;
                fy = wz * nx - wx * nz + vz * kx - vx * kz;
                fz = wx * ny - wy * nx + vx * ky - vy * kx;
                gx = wy * kz - wz * ky;
                gy = wz * kx - wx * kz;
                gz = wx * ky - wy * kx;
            }
            int e = o + (impulse ? IMPULSE : FEXT);
            final int fw = o + FW;
            b.set(fw, fx - b.get(e)); b.set(fw + 1, fy - b.get(e + 1)); b.set(fw + 2, fz - b.get(e + 2));
            b.set(fw + 3, gx - b.get(e + 3)); b.set(fw + 4, gy - b.get(e + 4)); b.set(fw + 5, gz - b.get(e + 5));
        }

        // pass 2 (leaves to root): U = IA·S, D = Sᵀ·U (+ implicit damping/springs), u = τ − Sᵀ·p;
        // the parent receives IA − U·D⁻¹·Uᵀ and p + Ia·c + U·D⁻¹·u
        for (int i = n - 1; i >= 0; i--) {
            final int o = offset[i];
            final int nd = dofCount[i];
            final int ia = o + IA;
            final int fw = o + FW;
            final int pi = parent[i];
            if (nd == 0) {
                if (pi >= 0) {
                    addArticulated(b, ia, fw, offset[pi]);
                }
                continue;
            }
            final int sw = o + BodyRecord.sw(nd);
            final int uo = o + BodyRecord.u(nd);
            final int dinv = o + BodyRecord.dinv(nd);
            final int uu = o + BodyRecord.uu(nd);
            final int d0 = dofStart[i];
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                double s0 = b.get(c), s1 = b.get(c + 1), s2 = b.get(c + 2);
                double s3 = b.get(c + 3), s4 = b.get(c + 4), s5 = b.get(c + 5);
                for (int r = 0; r < 6; r++) {
                    int row = ia + 6 * r;
                    b.set(uo + 6 * k + r, b.get(row) * s0 + b.get(row + 1) * s1 + b.get(row + 2) * s2
                            + b.get(row + 3) * s3 + b.get(row + 4) * s4 + b.get(row + 5) * s5);
                }
                double bias = s0 * b.get(fw) + s1 * b.get(fw + 1) + s2 * b.get(fw + 2)
                        + s3 * b.get(fw + 3) + s4 * b.get(fw + 4) + s5 * b.get(fw + 5);
                double u;
                if (impulse) {
                    u = -bias;
                } else {
                    double damping = b.get(o + BodyRecord.damping(nd) + k);
                    double stiffness = b.get(o + BodyRecord.stiffness(nd) + k);
                    double rest = b.get(o + BodyRecord.rest(nd) + k);
                    int dof = d0 + k;
                    u = tau[dof] - damping * dq[dof] - stiffness * (q[dof] - rest + h * dq[dof]) - bias;
                }
                b.set(uu + k, u);
            }
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                for (int l = 0; l < nd; l++) {
                    int ul = uo + 6 * l;
                    t[D + k * nd + l] = b.get(c) * b.get(ul) + b.get(c + 1) * b.get(ul + 1) + b.get(c + 2) * b.get(ul + 2)
                            + b.get(c + 3) * b.get(ul + 3) + b.get(c + 4) * b.get(ul + 4) + b.get(c + 5) * b.get(ul + 5);
                }
                if (!impulse) {
                    t[D + k * nd + k] += h * b.get(o + BodyRecord.damping(nd) + k)
                            + h * h * b.get(o + BodyRecord.stiffness(nd) + k);
                }
            }
            invert(t, D, nd, b, dinv, s.name());
            if (pi < 0) {
                continue;
            }
            // W = D⁻¹·Uᵀ (nd × 6), then Ia = IA − U·W, pa = p + Ia·c + U·(D⁻¹·u)
            for (int k = 0; k < nd; k++) {
                for (int c = 0; c < 6; c++) {
                    double sum = 0;
                    for (int l = 0; l < nd; l++) {
                        sum += b.get(dinv + k * nd + l) * b.get(uo + 6 * l + c);
                    }
                    t[W + 6 * k + c] = sum;
                }
            }
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    double sum = 0;
                    for (int k = 0; k < nd; k++) {
                        sum += b.get(uo + 6 * k + r) * t[W + 6 * k + c];
                    }
                    b.add(ia + 6 * r + c, -sum);
                }
            }
            // p += Ia·c (not for impulses: no velocity terms) + U·D⁻¹·u
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
            if (!impulse) {
                int cw = o + CW;
                c0 = b.get(cw); c1 = b.get(cw + 1); c2 = b.get(cw + 2);
                c3 = b.get(cw + 3); c4 = b.get(cw + 4); c5 = b.get(cw + 5);
            }
            for (int k = 0; k < nd; k++) {
                double x = 0;
                for (int l = 0; l < nd; l++) {
                    x += b.get(dinv + k * nd + l) * b.get(uu + l);
                }
                t[W + 6 * k] = x; // reuse: (D⁻¹·u)_k
            }
            for (int r = 0; r < 6; r++) {
                int row = ia + 6 * r;
                double sum = b.get(row) * c0 + b.get(row + 1) * c1 + b.get(row + 2) * c2
                        + b.get(row + 3) * c3 + b.get(row + 4) * c4 + b.get(row + 5) * c5;
                for (int k = 0; k < nd; k++) {
                    sum += b.get(uo + 6 * k + r) * t[W + 6 * k];
                }
                b.add(fw + r, sum);
            }
            addArticulated(b, ia, fw, offset[pi]);
        }

        // pass 3 (root to leaves): a' = a_parent + c, ddq = D⁻¹·(u − Uᵀ·a'), a = a' + S·ddq
        final double g0x = impulse ? 0 : -s.gravityX;
        final double g0y = impulse ? 0 : -s.gravityY;
        final double g0z = impulse ? 0 : -s.gravityZ;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int pi = parent[i];
            double a0, a1, a2, a3, a4, a5;
            if (pi >= 0) {
                int pa = offset[pi] + AW;
                a0 = b.get(pa); a1 = b.get(pa + 1); a2 = b.get(pa + 2);
                a3 = b.get(pa + 3); a4 = b.get(pa + 4); a5 = b.get(pa + 5);
            } else {
                a0 = 0; a1 = 0; a2 = 0;
                a3 = g0x; a4 = g0y; a5 = g0z;
            }
            if (!impulse) {
                int cw = o + CW;
                a0 += b.get(cw); a1 += b.get(cw + 1); a2 += b.get(cw + 2);
                a3 += b.get(cw + 3); a4 += b.get(cw + 4); a5 += b.get(cw + 5);
            }
            final int nd = dofCount[i];
            if (nd > 0) {
                final int sw = o + BodyRecord.sw(nd);
                final int uo = o + BodyRecord.u(nd);
                final int dinv = o + BodyRecord.dinv(nd);
                final int uu = o + BodyRecord.uu(nd);
                final int d0 = dofStart[i];
                for (int k = 0; k < nd; k++) {
                    int u = uo + 6 * k;
                    t[W + k] = b.get(uu + k) - (b.get(u) * a0 + b.get(u + 1) * a1 + b.get(u + 2) * a2
                            + b.get(u + 3) * a3 + b.get(u + 4) * a4 + b.get(u + 5) * a5);
                }
                for (int k = 0; k < nd; k++) {
                    double x = 0;
                    for (int l = 0; l < nd; l++) {
                        x += b.get(dinv + k * nd + l) * t[W + l];
                    }
                    out[d0 + k] = x;
                }
                for (int k = 0; k < nd; k++) {
                    double x = out[d0 + k];
                    int c = sw + 6 * k;
                    a0 += b.get(c) * x; a1 += b.get(c + 1) * x; a2 += b.get(c + 2) * x;
                    a3 += b.get(c + 3) * x; a4 += b.get(c + 4) * x; a5 += b.get(c + 5) * x;
                }
            }
            final int aw = o + AW;
            b.set(aw, a0); b.set(aw + 1, a1); b.set(aw + 2, a2);
            b.set(aw + 3, a3); b.set(aw + 4, a4); b.set(aw + 5, a5);
        }
    }

    /** Adds this body's articulated inertia and bias force to its parent's. */
    private static void addArticulated(StateBlock b, int ia, int fw, int parentOffset) {
        int pia = parentOffset + IA;
        for (int k = 0; k < 36; k++) {
            b.add(pia + k, b.get(ia + k));
        }
        int pfw = parentOffset + FW;
        for (int k = 0; k < 6; k++) {
            b.add(pfw + k, b.get(fw + k));
        }
    }

    /**
     * Inverts the symmetric positive-definite nd×nd matrix at {@code t[from]} (destroyed) into the
     * block at {@code dst}, by Gauss–Jordan elimination with partial pivoting.
     */
    private static void invert(double[] t, int from, int nd, StateBlock b, int dst, String skeleton) {
        if (nd == 1) {
            double d = t[from];
            if (!(d > 0)) {
                throw new ArithmeticException("skeleton '" + skeleton + "': articulated inertia is singular (" + d + ")");
            }
            b.set(dst, 1.0 / d);
            return;
        }
        final int inv = 72; // identity → inverse, in scratch after D and W
        for (int r = 0; r < nd; r++) {
            for (int c = 0; c < nd; c++) {
                t[inv + r * nd + c] = r == c ? 1 : 0;
            }
        }
        for (int col = 0; col < nd; col++) {
            int pivot = col;
            for (int r = col + 1; r < nd; r++) {
                if (Math.abs(t[from + r * nd + col]) > Math.abs(t[from + pivot * nd + col])) {
                    pivot = r;
                }
            }
            double pv = t[from + pivot * nd + col];
            if (pv == 0 || !Double.isFinite(pv)) {
                throw new ArithmeticException("skeleton '" + skeleton + "': articulated inertia is singular");
            }
            if (pivot != col) {
                for (int c = 0; c < nd; c++) {
                    double x = t[from + col * nd + c];
                    t[from + col * nd + c] = t[from + pivot * nd + c];
                    t[from + pivot * nd + c] = x;
                    x = t[inv + col * nd + c];
                    t[inv + col * nd + c] = t[inv + pivot * nd + c];
                    t[inv + pivot * nd + c] = x;
                }
            }
            double scale = 1.0 / pv;
            for (int c = 0; c < nd; c++) {
                t[from + col * nd + c] *= scale;
                t[inv + col * nd + c] *= scale;
            }
            for (int r = 0; r < nd; r++) {
                if (r != col) {
                    double f = t[from + r * nd + col];
                    if (f != 0) {
                        for (int c = 0; c < nd; c++) {
                            t[from + r * nd + c] -= f * t[from + col * nd + c];
                            t[inv + r * nd + c] -= f * t[inv + col * nd + c];
                        }
                    }
                }
            }
        }
        for (int k = 0; k < nd * nd; k++) {
            b.set(dst + k, t[inv + k]);
        }
    }
}
