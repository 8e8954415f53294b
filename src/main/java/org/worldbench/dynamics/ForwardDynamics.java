package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AW;
import static org.worldbench.dynamics.BodyRecord.FEXT;
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
 *
 * <p>Where the numbers live: every per-body input and result is in the body's record (kinematics,
 * external force, U, D⁻¹, u, acceleration). The articulated inertia IA and bias force p of each
 * body, sums that children add into their parent and that exist only during one call, are
 * accumulated in the skeleton's heap workspace ({@link Skeleton#articulated},
 * {@link #WORKSPACE_STRIDE} doubles per body), together with a copy of c that the two later passes
 * read. Off-heap this replaced four 36-double copies per body (write IA, read it, read and write the
 * parent's) and ten smaller ones by plain array accesses; each pass now reads and writes a record
 * in a few bulk copies of adjacent fields.
 */
public final class ForwardDynamics {

    /** Doubles per body in {@link Skeleton#articulated}: IA (6×6 row-major), p (6), c (6). */
    static final int WORKSPACE_STRIDE = 48;
    private static final int WS_IA = 0;
    private static final int WS_P = 36;
    private static final int WS_C = 42;

    /**
     * Scratch layout of the multi-dof backward step: D (36), D⁻¹·Uᵀ rows W (36), Gauss–Jordan work
     * (72–107), the record's per-dof section from SW on (at most 132 doubles for 6 dofs).
     */
    private static final int D = 0;
    private static final int W = 36;
    private static final int M_REC = 112;

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
        if (!impulse && s.freeBody) {
            FreeBody.forwardDynamics(s); // one free body: Newton–Euler, one 6×6 solve
            return;
        }
        if (impulse) {
            Kinematics.updateFrames(s);
            initialize(s);
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
        final double[] ws = s.articulated;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int pi = parent[i];
            final int po = pi < 0 ? -1 : offset[pi];
            final int ext;
            if (positions) { // the usual case: everything changed, one fused visit
                Kinematics.updateBody(b, o, po, pi >= 0 && pi == i - 1, code[i], dofStart[i], dofCount[i],
                        childIdentity[i], q, dq, t);
                ext = Kinematics.U_FEXT;
            } else {
                if (frames) {
                    Kinematics.frameBody(b, o, dofCount[i], t);
                }
                if (velocities) {
                    Kinematics.velocityBody(b, o, po, dofCount[i], dofStart[i], dq, t);
                }
                b.read(o + VW, t, Kinematics.U_VW, IW + 10 - VW); // VW, CW, IW: adjacent
                b.read(o + FEXT, t, I_EXT, 6);
                ext = I_EXT;
            }
            initializeBody(ws, WORKSPACE_STRIDE * i, false, ext, t);
        }
        s.positionsValid = true;
        s.framesValid = true;
        s.velocitiesValid = true;
    }

    /** The impulse variant's start: no velocity terms, so only IW is needed. */
    private static void initialize(Skeleton s) {
        final StateBlock b = s.block;
        final int[] offset = s.offset;
        final double[] ws = s.articulated;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            b.read(offset[i] + IW, t, Kinematics.U_IW, 10);
            b.read(offset[i] + IMPULSE, t, I_EXT, 6);
            initializeBody(ws, WORKSPACE_STRIDE * i, true, I_EXT, t);
        }
    }

    /** Scratch slot for an external force or impulse read from the record (after {@link Kinematics#updateBody}'s). */
    private static final int I_EXT = Kinematics.U_END;

    /**
     * IA = IW as a 6×6 matrix, bias force p = V ×* (IW·V) − f_ext (impulses: p = −impulse), and c,
     * into the workspace at {@code w}. IW, VW and CW are read from scratch where
     * {@link Kinematics#updateBody} leaves them, the external force or impulse from {@code t[ext]}.
     */
    private static void initializeBody(double[] ws, int w, boolean impulse, int ext, double[] t) {
        final int iw = Kinematics.U_IW;
        double m = t[iw], hx = t[iw + 1], hy = t[iw + 2], hz = t[iw + 3];
        double ixx = t[iw + 4], iyy = t[iw + 5], izz = t[iw + 6];
        double ixy = t[iw + 7], ixz = t[iw + 8], iyz = t[iw + 9];
        final int a = w + WS_IA;
        // [[Ī, [h]×], [[h]×ᵀ, m·1]]
        ws[a] = ixx; ws[a + 1] = ixy; ws[a + 2] = ixz; ws[a + 3] = 0; ws[a + 4] = -hz; ws[a + 5] = hy;
        ws[a + 6] = ixy; ws[a + 7] = iyy; ws[a + 8] = iyz; ws[a + 9] = hz; ws[a + 10] = 0; ws[a + 11] = -hx;
        ws[a + 12] = ixz; ws[a + 13] = iyz; ws[a + 14] = izz; ws[a + 15] = -hy; ws[a + 16] = hx; ws[a + 17] = 0;
        ws[a + 18] = 0; ws[a + 19] = hz; ws[a + 20] = -hy; ws[a + 21] = m; ws[a + 22] = 0; ws[a + 23] = 0;
        ws[a + 24] = -hz; ws[a + 25] = 0; ws[a + 26] = hx; ws[a + 27] = 0; ws[a + 28] = m; ws[a + 29] = 0;
        ws[a + 30] = hy; ws[a + 31] = -hx; ws[a + 32] = 0; ws[a + 33] = 0; ws[a + 34] = 0; ws[a + 35] = m;
        double fx = 0, fy = 0, fz = 0, gx = 0, gy = 0, gz = 0;
        if (!impulse) {
            final int v = Kinematics.U_VW;
            double wx = t[v], wy = t[v + 1], wz = t[v + 2];
            double vx = t[v + 3], vy = t[v + 4], vz = t[v + 5];
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
            final int c = Kinematics.U_CW;
            final int wc = w + WS_C;
            ws[wc] = t[c]; ws[wc + 1] = t[c + 1]; ws[wc + 2] = t[c + 2];
            ws[wc + 3] = t[c + 3]; ws[wc + 4] = t[c + 4]; ws[wc + 5] = t[c + 5];
        }
        final int p = w + WS_P;
        ws[p] = fx - t[ext];
        ws[p + 1] = fy - t[ext + 1];
        ws[p + 2] = fz - t[ext + 2];
        ws[p + 3] = gx - t[ext + 3];
        ws[p + 4] = gy - t[ext + 4];
        ws[p + 5] = gz - t[ext + 5];
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
        final double[] ws = s.articulated;
        final double[] t = s.scratch;
        final double h = s.timeStep;
        final int n = s.bodyCount;
        // pass 2 (leaves to root): U = IA·S, D = Sᵀ·U (+ implicit damping/springs), u = τ − Sᵀ·p;
        // the parent receives IA − U·D⁻¹·Uᵀ and p + Ia·c + U·D⁻¹·u
        for (int i = n - 1; i >= 0; i--) {
            final int o = offset[i];
            final int nd = dofCount[i];
            final int w = WORKSPACE_STRIDE * i;
            final int ia = w + WS_IA;
            final int bias = w + WS_P;
            final int pi = parent[i];
            final int pw = pi < 0 ? -1 : WORKSPACE_STRIDE * pi;
            if (nd == 0) {
                if (pi >= 0) {
                    addArticulated(ws, w, pw);
                }
                continue;
            }
            if (nd == 1) {
                backwardOneDof(s, b, ws, o, w, pw, dofStart[i], impulse);
                continue;
            }
            // the record's SW, U, D⁻¹, u, damping, stiffness, rest: adjacent, one copy in, one out
            final int sw = M_REC;
            final int uo = sw + 6 * nd;
            final int dinv = sw + 12 * nd;
            final int uu = dinv + nd * nd;
            final int damping = uu + nd;
            final int stiffness = damping + nd;
            final int rest = stiffness + nd;
            b.read(o + BodyRecord.sw(nd), t, sw, 16 * nd + nd * nd);
            final int d0 = dofStart[i];
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                double s0 = t[c], s1 = t[c + 1], s2 = t[c + 2];
                double s3 = t[c + 3], s4 = t[c + 4], s5 = t[c + 5];
                for (int r = 0; r < 6; r++) {
                    int row = ia + 6 * r;
                    t[uo + 6 * k + r] = ws[row] * s0 + ws[row + 1] * s1 + ws[row + 2] * s2
                            + ws[row + 3] * s3 + ws[row + 4] * s4 + ws[row + 5] * s5;
                }
                double sp = s0 * ws[bias] + s1 * ws[bias + 1] + s2 * ws[bias + 2]
                        + s3 * ws[bias + 3] + s4 * ws[bias + 4] + s5 * ws[bias + 5];
                double u;
                if (impulse) {
                    u = -sp;
                } else {
                    int dof = d0 + k;
                    u = tau[dof] - t[damping + k] * dq[dof] - t[stiffness + k] * (q[dof] - t[rest + k] + h * dq[dof])
                            - sp;
                }
                t[uu + k] = u;
            }
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                for (int l = 0; l < nd; l++) {
                    int ul = uo + 6 * l;
                    t[D + k * nd + l] = t[c] * t[ul] + t[c + 1] * t[ul + 1] + t[c + 2] * t[ul + 2]
                            + t[c + 3] * t[ul + 3] + t[c + 4] * t[ul + 4] + t[c + 5] * t[ul + 5];
                }
                if (!impulse) {
                    t[D + k * nd + k] += h * t[damping + k] + h * h * t[stiffness + k];
                }
            }
            invert(t, D, nd, dinv, s.name());
            b.write(t, uo, o + BodyRecord.u(nd), 6 * nd + nd * nd + nd); // U, D⁻¹, u
            if (pi < 0) {
                continue;
            }
            // W = D⁻¹·Uᵀ (nd × 6), then Ia = IA − U·W, pa = p + Ia·c + U·(D⁻¹·u)
            for (int k = 0; k < nd; k++) {
                for (int c = 0; c < 6; c++) {
                    double sum = 0;
                    for (int l = 0; l < nd; l++) {
                        sum += t[dinv + k * nd + l] * t[uo + 6 * l + c];
                    }
                    t[W + 6 * k + c] = sum;
                }
            }
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    double sum = 0;
                    for (int k = 0; k < nd; k++) {
                        sum += t[uo + 6 * k + r] * t[W + 6 * k + c];
                    }
                    ws[ia + 6 * r + c] += -sum;
                }
            }
            // p += Ia·c (not for impulses: no velocity terms) + U·D⁻¹·u
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
            if (!impulse) {
                int cw = w + WS_C;
                c0 = ws[cw]; c1 = ws[cw + 1]; c2 = ws[cw + 2];
                c3 = ws[cw + 3]; c4 = ws[cw + 4]; c5 = ws[cw + 5];
            }
            for (int k = 0; k < nd; k++) {
                double x = 0;
                for (int l = 0; l < nd; l++) {
                    x += t[dinv + k * nd + l] * t[uu + l];
                }
                t[W + 6 * k] = x; // reuse: (D⁻¹·u)_k
            }
            for (int r = 0; r < 6; r++) {
                int row = ia + 6 * r;
                double sum = ws[row] * c0 + ws[row + 1] * c1 + ws[row + 2] * c2
                        + ws[row + 3] * c3 + ws[row + 4] * c4 + ws[row + 5] * c5;
                for (int k = 0; k < nd; k++) {
                    sum += t[uo + 6 * k + r] * t[W + 6 * k];
                }
                ws[bias + r] += sum;
            }
            addArticulated(ws, w, pw);
        }
    }

    private static void forward(Skeleton s, boolean impulse, double[] out) {
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] ws = s.articulated;
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
            final int pi = parent[i];
            forwardBody(b, offset[i], pi < 0 ? -1 : offset[pi], pi >= 0 && pi == i - 1, dofCount[i], dofStart[i],
                    impulse, out, ws, WORKSPACE_STRIDE * i, t);
        }
    }

    /** Scratch layout of {@link #forwardBody}: −g, a, the record's SW, U, D⁻¹, u (adjacent), x. */
    private static final int G_WORLD = 0;
    private static final int F_A = 8;
    private static final int F_REC = 16;
    private static final int F_X = 136;

    /**
     * a' = a_parent + c, ddq = D⁻¹·(u − Uᵀ·a'), a = a' + S·ddq. {@code parentInScratch}: the parent
     * is the body visited just before (a chain), whose a is still in scratch at F_A.
     */
    private static void forwardBody(StateBlock b, int o, int po, boolean parentInScratch, int nd, int d0,
            boolean impulse, double[] out, double[] ws, int w, double[] t) {
        if (po < 0) {
            System.arraycopy(t, G_WORLD, t, F_A, 6);
        } else if (!parentInScratch) {
            b.read(po + AW, t, F_A, 6);
        }
        double a0 = t[F_A], a1 = t[F_A + 1], a2 = t[F_A + 2];
        double a3 = t[F_A + 3], a4 = t[F_A + 4], a5 = t[F_A + 5];
        if (!impulse) {
            final int c = w + WS_C;
            a0 += ws[c]; a1 += ws[c + 1]; a2 += ws[c + 2];
            a3 += ws[c + 3]; a4 += ws[c + 4]; a5 += ws[c + 5];
        }
        if (nd > 0) {
            b.read(o + BodyRecord.sw(nd), t, F_REC, 12 * nd + nd * nd + nd); // SW, U, D⁻¹, u: adjacent
            final int fsw = F_REC;
            final int fu = F_REC + 6 * nd;
            final int fdinv = F_REC + 12 * nd;
            final int fuu = fdinv + nd * nd;
            for (int k = 0; k < nd; k++) {
                int u = fu + 6 * k;
                t[F_X + k] = t[fuu + k] - (t[u] * a0 + t[u + 1] * a1 + t[u + 2] * a2
                        + t[u + 3] * a3 + t[u + 4] * a4 + t[u + 5] * a5);
            }
            for (int k = 0; k < nd; k++) {
                double x = 0;
                for (int l = 0; l < nd; l++) {
                    x += t[fdinv + k * nd + l] * t[F_X + l];
                }
                out[d0 + k] = x;
                int c = fsw + 6 * k;
                a0 += t[c] * x; a1 += t[c + 1] * x; a2 += t[c + 2] * x;
                a3 += t[c + 3] * x; a4 += t[c + 4] * x; a5 += t[c + 5] * x;
            }
        }
        t[F_A] = a0; t[F_A + 1] = a1; t[F_A + 2] = a2;
        t[F_A + 3] = a3; t[F_A + 4] = a4; t[F_A + 5] = a5;
        b.write(t, F_A, o + AW, 6);
    }

    /** Scratch layout of {@link #backwardOneDof}: the record's SW…rest (17 adjacent doubles), U|D⁻¹|u, IA·c. */
    private static final int B_REC = 0;
    private static final int B_DAMPING = B_REC + 14;
    private static final int B_U = 24;
    private static final int B_IAC = 32;

    /**
     * The backward step for a 1-dof joint, written out: U = IA·S, D = Sᵀ·U (+ h·d + h²·k),
     * u = τ − … − Sᵀ·p; the parent receives IA − U·Uᵀ/D and p + IA·c + U·(u − U·c)/D, computed
     * in one sweep without writing this body's reduced inertia back. One bulk read of the record
     * (SW, the old U, D⁻¹, u, then damping, stiffness, rest) and one bulk write (U, D⁻¹, u).
     */
    private static void backwardOneDof(Skeleton s, StateBlock b, double[] ws, int o, int w, int pw, int dof,
            boolean impulse) {
        final double[] t = s.scratch;
        b.read(o + BodyRecord.sw(1), t, B_REC, 17);
        double s0 = t[B_REC], s1 = t[B_REC + 1], s2 = t[B_REC + 2];
        double s3 = t[B_REC + 3], s4 = t[B_REC + 4], s5 = t[B_REC + 5];
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
        if (!impulse) {
            final int c = w + WS_C;
            c0 = ws[c]; c1 = ws[c + 1]; c2 = ws[c + 2];
            c3 = ws[c + 3]; c4 = ws[c + 4]; c5 = ws[c + 5];
        }
        final int ia = w + WS_IA;
        // U = IA·S and IA·c, one sweep over IA's rows
        for (int r = 0; r < 6; r++) {
            int row = ia + 6 * r;
            double a0 = ws[row], a1 = ws[row + 1], a2 = ws[row + 2];
            double a3 = ws[row + 3], a4 = ws[row + 4], a5 = ws[row + 5];
            t[B_U + r] = a0 * s0 + a1 * s1 + a2 * s2 + a3 * s3 + a4 * s4 + a5 * s5;
            t[B_IAC + r] = a0 * c0 + a1 * c1 + a2 * c2 + a3 * c3 + a4 * c4 + a5 * c5;
        }
        double u0 = t[B_U], u1 = t[B_U + 1], u2 = t[B_U + 2], u3 = t[B_U + 3], u4 = t[B_U + 4], u5 = t[B_U + 5];
        double d = s0 * u0 + s1 * u1 + s2 * u2 + s3 * u3 + s4 * u4 + s5 * u5;
        final int pf = w + WS_P;
        double p0 = ws[pf], p1 = ws[pf + 1], p2 = ws[pf + 2];
        double p3 = ws[pf + 3], p4 = ws[pf + 4], p5 = ws[pf + 5];
        double u = -(s0 * p0 + s1 * p1 + s2 * p2 + s3 * p3 + s4 * p4 + s5 * p5);
        if (!impulse) {
            double damping = t[B_DAMPING];
            double stiffness = t[B_DAMPING + 1];
            double h = s.timeStep;
            double qd = s.dq[dof];
            u += s.tau[dof] - damping * qd - stiffness * (s.q[dof] - t[B_DAMPING + 2] + h * qd);
            d += h * damping + h * h * stiffness;
        }
        if (!(d > 0)) {
            throw new ArithmeticException("skeleton '" + s.name() + "': articulated inertia is singular (" + d + ")");
        }
        double dinv = 1.0 / d;
        t[B_U + 6] = dinv;
        t[B_U + 7] = u;
        b.write(t, B_U, o + BodyRecord.u(1), 8); // U, D⁻¹, u: adjacent for one dof
        if (pw < 0) {
            return;
        }
        // parent IA += IA − U·Uᵀ/D (symmetric: upper triangle computed, mirrored)
        final int pia = pw + WS_IA;
        for (int r = 0; r < 6; r++) {
            double ur = t[B_U + r] * dinv;
            for (int c = r; c < 6; c++) {
                double v = ws[ia + 6 * r + c] - ur * t[B_U + c];
                ws[pia + 6 * r + c] += v;
                if (c != r) {
                    ws[pia + 6 * c + r] += v;
                }
            }
        }
        // parent p += p + IA·c + U·(u − U·c)/D
        double k = (u - (u0 * c0 + u1 * c1 + u2 * c2 + u3 * c3 + u4 * c4 + u5 * c5)) * dinv;
        final int pp = pw + WS_P;
        ws[pp] += p0 + t[B_IAC] + u0 * k;
        ws[pp + 1] += p1 + t[B_IAC + 1] + u1 * k;
        ws[pp + 2] += p2 + t[B_IAC + 2] + u2 * k;
        ws[pp + 3] += p3 + t[B_IAC + 3] + u3 * k;
        ws[pp + 4] += p4 + t[B_IAC + 4] + u4 * k;
        ws[pp + 5] += p5 + t[B_IAC + 5] + u5 * k;
    }

    /** Adds a body's articulated inertia and bias force (workspace at {@code w}) to its parent's. */
    private static void addArticulated(double[] ws, int w, int pw) {
        for (int k = 0; k < WS_C; k++) { // IA then p
            ws[pw + k] += ws[w + k];
        }
    }

    /**
     * Inverts the symmetric positive-definite nd×nd matrix at {@code t[from]} (destroyed) into
     * {@code t[dst]}, by Gauss–Jordan elimination with partial pivoting.
     */
    private static void invert(double[] t, int from, int nd, int dst, String skeleton) {
        if (nd == 1) {
            double d = t[from];
            if (!(d > 0)) {
                throw new ArithmeticException("skeleton '" + skeleton + "': articulated inertia is singular (" + d + ")");
            }
            t[dst] = 1.0 / d;
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
        System.arraycopy(t, inv, t, dst, nd * nd);
    }
}
