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
        s.checkOpen();
        if (impulse) {
            Kinematics.updateFrames(s);
            initialize(s, true);
        } else {
            prepare(s);
        }
        backward(s, impulse);
        forward(s, impulse, out);
    }

    /**
     * The outward pass, fused: for each body in turn whatever kinematics changed (world transform,
     * world-frame subspace and inertia, velocity) and then its articulated-inertia start, so each
     * record is visited once while it is in cache.
     */
    private static void prepare(Skeleton s) {
        final boolean positions = !s.positionsValid;
        final boolean frames = positions || !s.framesValid;
        final boolean velocities = frames || !s.velocitiesValid;
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] code = s.jointCode;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final boolean[] childIdentity = s.childOffsetIdentity;
        final double[] q = s.q;
        final double[] dq = s.dq;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int po = parent[i] < 0 ? -1 : offset[parent[i]];
            if (positions) {
                Kinematics.positionBody(b, o, po, code[i], dofStart[i], childIdentity[i], q, t);
            }
            if (frames) {
                Kinematics.frameBody(b, o, dofCount[i], t);
            }
            if (velocities) {
                Kinematics.velocityBody(b, o, po, dofCount[i], dofStart[i], dq, t);
            }
            initializeBody(b, o, false, t);
        }
        s.positionsValid = true;
        s.framesValid = true;
        s.velocitiesValid = true;
    }

    private static void initialize(Skeleton s, boolean impulse) {
        final StateBlock b = s.block;
        final int[] offset = s.offset;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            initializeBody(b, offset[i], impulse, t);
        }
    }

    /** Scratch layout of {@link #initializeBody}. */
    private static final int I_IW = 0;
    private static final int I_V = 16;
    private static final int I_EXT = 24;
    private static final int I_IA = 32;
    private static final int I_FW = 72;

    /** IA = IW as a 6×6 matrix, bias force p = V ×* (IW·V) − f_ext (impulses: p = −impulse). */
    private static void initializeBody(StateBlock b, int o, boolean impulse, double[] t) {
        b.read(o + IW, t, I_IW, 10);
        b.read(o + (impulse ? IMPULSE : FEXT), t, I_EXT, 6);
        double m = t[I_IW], hx = t[I_IW + 1], hy = t[I_IW + 2], hz = t[I_IW + 3];
        double ixx = t[I_IW + 4], iyy = t[I_IW + 5], izz = t[I_IW + 6];
        double ixy = t[I_IW + 7], ixz = t[I_IW + 8], iyz = t[I_IW + 9];
        final int a = I_IA;
        // [[Ī, [h]×], [[h]×ᵀ, m·1]]
        t[a] = ixx; t[a + 1] = ixy; t[a + 2] = ixz; t[a + 3] = 0; t[a + 4] = -hz; t[a + 5] = hy;
        t[a + 6] = ixy; t[a + 7] = iyy; t[a + 8] = iyz; t[a + 9] = hz; t[a + 10] = 0; t[a + 11] = -hx;
        t[a + 12] = ixz; t[a + 13] = iyz; t[a + 14] = izz; t[a + 15] = -hy; t[a + 16] = hx; t[a + 17] = 0;
        t[a + 18] = 0; t[a + 19] = hz; t[a + 20] = -hy; t[a + 21] = m; t[a + 22] = 0; t[a + 23] = 0;
        t[a + 24] = -hz; t[a + 25] = 0; t[a + 26] = hx; t[a + 27] = 0; t[a + 28] = m; t[a + 29] = 0;
        t[a + 30] = hy; t[a + 31] = -hx; t[a + 32] = 0; t[a + 33] = 0; t[a + 34] = 0; t[a + 35] = m;
        b.write(t, I_IA, o + IA, 36);
        double fx = 0, fy = 0, fz = 0, gx = 0, gy = 0, gz = 0;
        if (!impulse) {
            b.read(o + VW, t, I_V, 6);
            double wx = t[I_V], wy = t[I_V + 1], wz = t[I_V + 2];
            double vx = t[I_V + 3], vy = t[I_V + 4], vz = t[I_V + 5];
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
        t[I_FW] = fx - t[I_EXT];
        t[I_FW + 1] = fy - t[I_EXT + 1];
        t[I_FW + 2] = fz - t[I_EXT + 2];
        t[I_FW + 3] = gx - t[I_EXT + 3];
        t[I_FW + 4] = gy - t[I_EXT + 4];
        t[I_FW + 5] = gz - t[I_EXT + 5];
        b.write(t, I_FW, o + FW, 6);
    }

    private static void backward(Skeleton s, boolean impulse) {
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
                    addArticulated(b, ia, fw, offset[pi], t);
                }
                continue;
            }
            if (nd == 1) {
                backwardOneDof(s, b, o, ia, fw, pi < 0 ? -1 : offset[pi], dofStart[i], impulse);
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
            addArticulated(b, ia, fw, offset[pi], t);
        }

    }

    private static void forward(Skeleton s, boolean impulse, double[] out) {
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        // the world's spatial acceleration −g stands in for gravity
        t[G_WORLD] = 0;
        t[G_WORLD + 1] = 0;
        t[G_WORLD + 2] = 0;
        t[G_WORLD + 3] = impulse ? 0 : -s.gravityX;
        t[G_WORLD + 4] = impulse ? 0 : -s.gravityY;
        t[G_WORLD + 5] = impulse ? 0 : -s.gravityZ;
        for (int i = 0; i < n; i++) {
            forwardBody(b, offset[i], parent[i] < 0 ? -1 : offset[parent[i]], dofCount[i], dofStart[i], impulse, out, t);
        }
    }

    /** Scratch layout of {@link #forwardBody}. */
    private static final int G_WORLD = 0;
    private static final int F_A = 8;
    private static final int F_CW = 16;
    private static final int F_SW = 24;
    private static final int F_U = 64;
    private static final int F_DINV = 104;
    private static final int F_UU = 144;
    private static final int F_X = 152;

    /** a' = a_parent + c, ddq = D⁻¹·(u − Uᵀ·a'), a = a' + S·ddq. */
    private static void forwardBody(StateBlock b, int o, int po, int nd, int d0, boolean impulse, double[] out,
            double[] t) {
        if (po >= 0) {
            b.read(po + AW, t, F_A, 6);
        } else {
            System.arraycopy(t, G_WORLD, t, F_A, 6);
        }
        double a0 = t[F_A], a1 = t[F_A + 1], a2 = t[F_A + 2];
        double a3 = t[F_A + 3], a4 = t[F_A + 4], a5 = t[F_A + 5];
        if (!impulse) {
            b.read(o + CW, t, F_CW, 6);
            a0 += t[F_CW]; a1 += t[F_CW + 1]; a2 += t[F_CW + 2];
            a3 += t[F_CW + 3]; a4 += t[F_CW + 4]; a5 += t[F_CW + 5];
        }
        if (nd > 0) {
            b.read(o + BodyRecord.sw(nd), t, F_SW, 6 * nd);
            b.read(o + BodyRecord.u(nd), t, F_U, 6 * nd);
            b.read(o + BodyRecord.dinv(nd), t, F_DINV, nd * nd + nd); // D⁻¹ then u, adjacent
            for (int k = 0; k < nd; k++) {
                int u = F_U + 6 * k;
                t[F_X + k] = t[F_DINV + nd * nd + k] - (t[u] * a0 + t[u + 1] * a1 + t[u + 2] * a2
                        + t[u + 3] * a3 + t[u + 4] * a4 + t[u + 5] * a5);
            }
            for (int k = 0; k < nd; k++) {
                double x = 0;
                for (int l = 0; l < nd; l++) {
                    x += t[F_DINV + k * nd + l] * t[F_X + l];
                }
                out[d0 + k] = x;
                int c = F_SW + 6 * k;
                a0 += t[c] * x; a1 += t[c + 1] * x; a2 += t[c + 2] * x;
                a3 += t[c + 3] * x; a4 += t[c + 4] * x; a5 += t[c + 5] * x;
            }
        }
        t[F_A] = a0; t[F_A + 1] = a1; t[F_A + 2] = a2;
        t[F_A + 3] = a3; t[F_A + 4] = a4; t[F_A + 5] = a5;
        b.write(t, F_A, o + AW, 6);
    }

    /**
     * The backward step for a 1-dof joint, written out: U = IA·S, D = Sᵀ·U (+ h·d + h²·k),
     * u = τ − … − Sᵀ·p; the parent receives IA − U·Uᵀ/D and p + IA·c + U·(u − U·c)/D, computed
     * in one sweep without writing this body's reduced inertia back.
     */
    private static void backwardOneDof(Skeleton s, StateBlock b, int o, int ia, int fw, int po, int dof,
            boolean impulse) {
        final double[] t = s.scratch;
        b.read(o + BodyRecord.sw(1), t, B_SW, 6);
        b.read(ia, t, B_IA, 36);
        b.read(fw, t, B_FW, 6);
        double s0 = t[B_SW], s1 = t[B_SW + 1], s2 = t[B_SW + 2];
        double s3 = t[B_SW + 3], s4 = t[B_SW + 4], s5 = t[B_SW + 5];
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
        if (!impulse) {
            b.read(o + CW, t, B_CW, 6);
            c0 = t[B_CW]; c1 = t[B_CW + 1]; c2 = t[B_CW + 2];
            c3 = t[B_CW + 3]; c4 = t[B_CW + 4]; c5 = t[B_CW + 5];
        }
        // U = IA·S and IA·c, one sweep over IA's rows
        for (int r = 0; r < 6; r++) {
            int row = B_IA + 6 * r;
            double a0 = t[row], a1 = t[row + 1], a2 = t[row + 2];
            double a3 = t[row + 3], a4 = t[row + 4], a5 = t[row + 5];
            t[B_U + r] = a0 * s0 + a1 * s1 + a2 * s2 + a3 * s3 + a4 * s4 + a5 * s5;
            t[B_IAC + r] = a0 * c0 + a1 * c1 + a2 * c2 + a3 * c3 + a4 * c4 + a5 * c5;
        }
        double u0 = t[B_U], u1 = t[B_U + 1], u2 = t[B_U + 2], u3 = t[B_U + 3], u4 = t[B_U + 4], u5 = t[B_U + 5];
        double d = s0 * u0 + s1 * u1 + s2 * u2 + s3 * u3 + s4 * u4 + s5 * u5;
        double p0 = t[B_FW], p1 = t[B_FW + 1], p2 = t[B_FW + 2];
        double p3 = t[B_FW + 3], p4 = t[B_FW + 4], p5 = t[B_FW + 5];
        double u = -(s0 * p0 + s1 * p1 + s2 * p2 + s3 * p3 + s4 * p4 + s5 * p5);
        if (!impulse) {
            b.read(o + BodyRecord.damping(1), t, B_PROPS, 3); // damping, stiffness, rest: adjacent
            double damping = t[B_PROPS];
            double stiffness = t[B_PROPS + 1];
            double h = s.timeStep;
            double qd = s.dq[dof];
            u += s.tau[dof] - damping * qd - stiffness * (s.q[dof] - t[B_PROPS + 2] + h * qd);
            d += h * damping + h * h * stiffness;
        }
        if (!(d > 0)) {
            throw new ArithmeticException("skeleton '" + s.name() + "': articulated inertia is singular (" + d + ")");
        }
        double dinv = 1.0 / d;
        t[B_U + 6] = dinv;
        t[B_U + 7] = u;
        b.write(t, B_U, o + BodyRecord.u(1), 8); // U, D⁻¹, u: adjacent for one dof
        if (po < 0) {
            return;
        }
        // parent IA += IA − U·Uᵀ/D (symmetric: upper triangle computed, mirrored)
        final int pia = po + IA;
        b.read(pia, t, B_PIA, 36);
        for (int r = 0; r < 6; r++) {
            double ur = t[B_U + r] * dinv;
            for (int c = r; c < 6; c++) {
                double v = t[B_IA + 6 * r + c] - ur * t[B_U + c];
                t[B_PIA + 6 * r + c] += v;
                if (c != r) {
                    t[B_PIA + 6 * c + r] += v;
                }
            }
        }
        b.write(t, B_PIA, pia, 36);
        // parent p += p + IA·c + U·(u − U·c)/D
        double k = (u - (u0 * c0 + u1 * c1 + u2 * c2 + u3 * c3 + u4 * c4 + u5 * c5)) * dinv;
        final int pfw = po + FW;
        b.read(pfw, t, B_PFW, 6);
        t[B_PFW] += p0 + t[B_IAC] + u0 * k;
        t[B_PFW + 1] += p1 + t[B_IAC + 1] + u1 * k;
        t[B_PFW + 2] += p2 + t[B_IAC + 2] + u2 * k;
        t[B_PFW + 3] += p3 + t[B_IAC + 3] + u3 * k;
        t[B_PFW + 4] += p4 + t[B_IAC + 4] + u4 * k;
        t[B_PFW + 5] += p5 + t[B_IAC + 5] + u5 * k;
        b.write(t, B_PFW, pfw, 6);
    }

    /** Scratch layout of {@link #backwardOneDof}. */
    private static final int B_SW = 0;
    private static final int B_CW = 8;
    private static final int B_IA = 16;
    private static final int B_FW = 56;
    private static final int B_PROPS = 64;
    private static final int B_U = 72;
    private static final int B_PIA = 80;
    private static final int B_PFW = 120;
    private static final int B_IAC = 128;

    /** Adds this body's articulated inertia and bias force to its parent's (scratch from index 136). */
    private static void addArticulated(StateBlock b, int ia, int fw, int parentOffset, double[] t) {
        final int own = 136;
        final int par = 176;
        int pia = parentOffset + IA;
        b.read(ia, t, own, 36);
        b.read(pia, t, par, 36);
        for (int k = 0; k < 36; k++) {
            t[par + k] += t[own + k];
        }
        b.write(t, par, pia, 36);
        int pfw = parentOffset + FW;
        b.read(fw, t, own, 6);
        b.read(pfw, t, par, 6);
        for (int k = 0; k < 6; k++) {
            t[par + k] += t[own + k];
        }
        b.write(t, par, pfw, 6);
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
