package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AXIS;
import static org.worldbench.dynamics.BodyRecord.FEXT;
import static org.worldbench.dynamics.BodyRecord.CW;
import static org.worldbench.dynamics.BodyRecord.IW;
import static org.worldbench.dynamics.BodyRecord.MASS;
import static org.worldbench.dynamics.BodyRecord.TW;
import static org.worldbench.dynamics.BodyRecord.T_CJ_INV;
import static org.worldbench.dynamics.BodyRecord.T_PJ;
import static org.worldbench.dynamics.BodyRecord.VW;

import org.worldbench.math.Rotations;

/**
 * Forward kinematics: world transforms, world-frame motion subspaces and inertias, and spatial
 * velocities, each pass from the root outwards (parents come before children in body order).
 *
 * <p>Each {@code update…} method recomputes only what the last change of positions or velocities
 * invalidated, so callers can ask for kinematics freely; the {@code compute…} methods always run.
 */
public final class Kinematics {

    private Kinematics() {
    }

    /** World transforms of every body, if positions changed since the last pass. */
    public static void updatePositions(Skeleton s) {
        if (!s.positionsValid) {
            computePositions(s);
        }
    }

    /** World transforms of every body (DART's {@code computeForwardKinematics(true, false, false)}). */
    public static void computePositions(Skeleton s) {
        s.checkOpen();
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] code = s.jointCode;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final boolean[] childIdentity = s.childOffsetIdentity;
        final double[] q = s.q;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            final int pi = parent[i];
            positionBody(b, offset[i], pi < 0 ? -1 : offset[pi], pi >= 0 && pi == i - 1, code[i], dofStart[i],
                    childIdentity[i], q, t);
        }
        s.positionsValid = true;
        s.framesValid = false;
        s.velocitiesValid = false;
    }

    /** Scratch layout of {@link #positionBody}: joint rotation, record constants, parent transform, result. */
    private static final int ROT = 0;
    private static final int CONST = 16;
    private static final int PARENT = 48;
    private static final int OUT = 64;

    /**
     * World transform of one body from its parent's (record offset {@code po}, −1 for the world).
     * The record's constants and the parent transform are read in bulk: one bounds check per copy
     * instead of one per double, which matters off-heap. {@code parentInScratch}: the parent is the
     * body positioned just before (a chain), whose transform is still in scratch, so it is not read
     * back.
     */
    static void positionBody(StateBlock b, int o, int po, boolean parentInScratch, int c, int d,
            boolean childIdentity, double[] q, double[] t) {
        b.read(o + T_PJ, t, CONST, AXIS + 3 - T_PJ);
        int parentAt = -1;
        if (parentInScratch) {
            parentAt = OUT; // composeTransform reads the parent before it writes
        } else if (po >= 0) {
            b.read(po + TW, t, PARENT, 12);
            parentAt = PARENT;
        }
        composeTransform(t, CONST - T_PJ, parentAt, c, d, childIdentity, q, OUT);
        b.write(t, OUT, o + TW, 12);
    }

    /**
     * T_world,body = T_world,parent · T_parent→joint · Q(q) · T_child→joint⁻¹, all in scratch:
     * {@code rec} is where the record's first double (MASS) would sit, so the joint constants are at
     * {@code rec + T_PJ …}; {@code parentAt} holds the parent's world transform (−1: the world);
     * the result goes to {@code out} (12 doubles). Uses {@code t[0..8]} for the joint rotation.
     */
    private static void composeTransform(double[] t, int rec, int parentAt, int c, int d, boolean childIdentity,
            double[] q, int out) {
        final int pj = rec + T_PJ;
        final int cj = rec + T_CJ_INV;
        final int ax = rec + AXIS;
        // A = T_world,parent · T_parent_to_joint
        double r00, r01, r02, r10, r11, r12, r20, r21, r22, px, py, pz;
        double j00 = t[pj], j01 = t[pj + 1], j02 = t[pj + 2];
        double j10 = t[pj + 3], j11 = t[pj + 4], j12 = t[pj + 5];
        double j20 = t[pj + 6], j21 = t[pj + 7], j22 = t[pj + 8];
        double jx = t[pj + 9], jy = t[pj + 10], jz = t[pj + 11];
        if (parentAt < 0) {
            r00 = j00; r01 = j01; r02 = j02;
            r10 = j10; r11 = j11; r12 = j12;
            r20 = j20; r21 = j21; r22 = j22;
            px = jx; py = jy; pz = jz;
        } else {
            final int pa = parentAt;
            double a00 = t[pa], a01 = t[pa + 1], a02 = t[pa + 2];
            double a10 = t[pa + 3], a11 = t[pa + 4], a12 = t[pa + 5];
            double a20 = t[pa + 6], a21 = t[pa + 7], a22 = t[pa + 8];
            r00 = a00 * j00 + a01 * j10 + a02 * j20;
            r01 = a00 * j01 + a01 * j11 + a02 * j21;
            r02 = a00 * j02 + a01 * j12 + a02 * j22;
            r10 = a10 * j00 + a11 * j10 + a12 * j20;
            r11 = a10 * j01 + a11 * j11 + a12 * j21;
            r12 = a10 * j02 + a11 * j12 + a12 * j22;
            r20 = a20 * j00 + a21 * j10 + a22 * j20;
            r21 = a20 * j01 + a21 * j11 + a22 * j21;
            r22 = a20 * j02 + a21 * j12 + a22 * j22;
            px = a00 * jx + a01 * jy + a02 * jz + t[pa + 9];
            py = a10 * jx + a11 * jy + a12 * jz + t[pa + 10];
            pz = a20 * jx + a21 * jy + a22 * jz + t[pa + 11];
        }
        // B = A · Q(q)
        if (c != JointType.WELD_CODE) {
            boolean rotates = true;
            if (c == JointType.REVOLUTE_CODE) {
                Rotations.axisAngle(t[ax], t[ax + 1], t[ax + 2], q[d], t, ROT);
            } else if (c == JointType.PRISMATIC_CODE) {
                double sx = t[ax] * q[d], sy = t[ax + 1] * q[d], sz = t[ax + 2] * q[d];
                px += r00 * sx + r01 * sy + r02 * sz;
                py += r10 * sx + r11 * sy + r12 * sz;
                pz += r20 * sx + r21 * sy + r22 * sz;
                rotates = false;
            } else if (c == JointType.BALL_CODE) {
                Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, ROT);
            } else { // FREE: [exp(r), p], p a plain translation in the joint frame
                double sx = q[d + 3], sy = q[d + 4], sz = q[d + 5];
                px += r00 * sx + r01 * sy + r02 * sz;
                py += r10 * sx + r11 * sy + r12 * sz;
                pz += r20 * sx + r21 * sy + r22 * sz;
                Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, ROT);
            }
            if (rotates) {
                double q00 = t[ROT], q01 = t[ROT + 1], q02 = t[ROT + 2], q10 = t[ROT + 3], q11 = t[ROT + 4];
                double q12 = t[ROT + 5], q20 = t[ROT + 6], q21 = t[ROT + 7], q22 = t[ROT + 8];
                double n00 = r00 * q00 + r01 * q10 + r02 * q20;
                double n01 = r00 * q01 + r01 * q11 + r02 * q21;
                double n02 = r00 * q02 + r01 * q12 + r02 * q22;
                double n10 = r10 * q00 + r11 * q10 + r12 * q20;
                double n11 = r10 * q01 + r11 * q11 + r12 * q21;
                double n12 = r10 * q02 + r11 * q12 + r12 * q22;
                double n20 = r20 * q00 + r21 * q10 + r22 * q20;
                double n21 = r20 * q01 + r21 * q11 + r22 * q21;
                double n22 = r20 * q02 + r21 * q12 + r22 * q22;
                r00 = n00; r01 = n01; r02 = n02;
                r10 = n10; r11 = n11; r12 = n12;
                r20 = n20; r21 = n21; r22 = n22;
            }
        }
        // T = B · T_child_to_joint⁻¹
        if (!childIdentity) {
            double c00 = t[cj], c01 = t[cj + 1], c02 = t[cj + 2];
            double c10 = t[cj + 3], c11 = t[cj + 4], c12 = t[cj + 5];
            double c20 = t[cj + 6], c21 = t[cj + 7], c22 = t[cj + 8];
            double cx = t[cj + 9], cy = t[cj + 10], cz = t[cj + 11];
            double nx = r00 * cx + r01 * cy + r02 * cz + px;
            double ny = r10 * cx + r11 * cy + r12 * cz + py;
            double nz = r20 * cx + r21 * cy + r22 * cz + pz;
            double n00 = r00 * c00 + r01 * c10 + r02 * c20;
            double n01 = r00 * c01 + r01 * c11 + r02 * c21;
            double n02 = r00 * c02 + r01 * c12 + r02 * c22;
            double n10 = r10 * c00 + r11 * c10 + r12 * c20;
            double n11 = r10 * c01 + r11 * c11 + r12 * c21;
            double n12 = r10 * c02 + r11 * c12 + r12 * c22;
            double n20 = r20 * c00 + r21 * c10 + r22 * c20;
            double n21 = r20 * c01 + r21 * c11 + r22 * c21;
            double n22 = r20 * c02 + r21 * c12 + r22 * c22;
            r00 = n00; r01 = n01; r02 = n02;
            r10 = n10; r11 = n11; r12 = n12;
            r20 = n20; r21 = n21; r22 = n22;
            px = nx; py = ny; pz = nz;
        }
        t[out] = r00; t[out + 1] = r01; t[out + 2] = r02;
        t[out + 3] = r10; t[out + 4] = r11; t[out + 5] = r12;
        t[out + 6] = r20; t[out + 7] = r21; t[out + 8] = r22;
        t[out + 9] = px; t[out + 10] = py; t[out + 11] = pz;
    }

    /**
     * World-frame motion subspaces SW = Ad_T·S and world-frame spatial inertias IW of every body,
     * if positions changed since the last pass.
     */
    public static void updateFrames(Skeleton s) {
        updatePositions(s);
        if (!s.framesValid) {
            computeFrames(s);
        }
    }

    static void computeFrames(Skeleton s) {
        final StateBlock b = s.block;
        final int[] offset = s.offset;
        final int[] dofCount = s.dofCount;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            frameBody(b, offset[i], dofCount[i], t);
        }
        s.framesValid = true;
    }

    /** Scratch layout of {@link #frameBody}: mass properties, transform, S then SW, IW. */
    private static final int F_MASS = 0;
    private static final int F_TW = 16;
    private static final int F_S = 32;
    private static final int F_SW = 80;
    private static final int F_IW = 128;

    static void frameBody(StateBlock b, int o, int nd, double[] t) {
        b.read(o + MASS, t, F_MASS, 10);
        b.read(o + TW, t, F_TW, 12);
        if (nd > 0) {
            b.read(o + BodyRecord.s(nd), t, F_S, 6 * nd);
        }
        composeFrames(t, F_MASS, F_TW, F_S, F_SW, F_IW, nd);
        if (nd > 0) {
            b.write(t, F_SW, o + BodyRecord.sw(nd), 6 * nd);
        }
        b.write(t, F_IW, o + IW, 10);
    }

    /**
     * SW = Ad_T·S and IW from the mass properties at {@code massAt} (MASS, COM, INERTIA as in the
     * record), the world transform at {@code twAt} and S at {@code sAt}, all in scratch.
     */
    private static void composeFrames(double[] t, int massAt, int twAt, int sAt, int swAt, int iwAt, int nd) {
        double r00 = t[twAt], r01 = t[twAt + 1], r02 = t[twAt + 2];
        double r10 = t[twAt + 3], r11 = t[twAt + 4], r12 = t[twAt + 5];
        double r20 = t[twAt + 6], r21 = t[twAt + 7], r22 = t[twAt + 8];
        double px = t[twAt + 9], py = t[twAt + 10], pz = t[twAt + 11];
        for (int k = 0; k < nd; k++) {
            int src = sAt + 6 * k;
            double sx = t[src], sy = t[src + 1], sz = t[src + 2];
            double vx = t[src + 3], vy = t[src + 4], vz = t[src + 5];
            double ax = r00 * sx + r01 * sy + r02 * sz;
            double ay = r10 * sx + r11 * sy + r12 * sz;
            double az = r20 * sx + r21 * sy + r22 * sz;
            double lx = r00 * vx + r01 * vy + r02 * vz;
            double ly = r10 * vx + r11 * vy + r12 * vz;
            double lz = r20 * vx + r21 * vy + r22 * vz;
            int dst = swAt + 6 * k;
            t[dst] = ax;
            t[dst + 1] = ay;
            t[dst + 2] = az;
            t[dst + 3] = lx + py * az - pz * ay;
            t[dst + 4] = ly + pz * ax - px * az;
            t[dst + 5] = lz + px * ay - py * ax;
        }
        // IW: mass, h = m·c (c = COM in world), Ī = R·Ic·Rᵀ + m(|c|²·1 − c·cᵀ) about the world origin
        double m = t[massAt];
        double lcx = t[massAt + 1], lcy = t[massAt + 2], lcz = t[massAt + 3];
        double cx = r00 * lcx + r01 * lcy + r02 * lcz + px;
        double cy = r10 * lcx + r11 * lcy + r12 * lcz + py;
        double cz = r20 * lcx + r21 * lcy + r22 * lcz + pz;
        double ixx = t[massAt + 4], iyy = t[massAt + 5], izz = t[massAt + 6];
        double ixy = t[massAt + 7], ixz = t[massAt + 8], iyz = t[massAt + 9];
        // T = R·I (row-major), then R·I·Rᵀ
        double t00 = r00 * ixx + r01 * ixy + r02 * ixz;
        double t01 = r00 * ixy + r01 * iyy + r02 * iyz;
        double t02 = r00 * ixz + r01 * iyz + r02 * izz;
        double t10 = r10 * ixx + r11 * ixy + r12 * ixz;
        double t11 = r10 * ixy + r11 * iyy + r12 * iyz;
        double t12 = r10 * ixz + r11 * iyz + r12 * izz;
        double t20 = r20 * ixx + r21 * ixy + r22 * ixz;
        double t21 = r20 * ixy + r21 * iyy + r22 * iyz;
        double t22 = r20 * ixz + r21 * iyz + r22 * izz;
        double wxx = t00 * r00 + t01 * r01 + t02 * r02;
        double wyy = t10 * r10 + t11 * r11 + t12 * r12;
        double wzz = t20 * r20 + t21 * r21 + t22 * r22;
        double wxy = t00 * r10 + t01 * r11 + t02 * r12;
        double wxz = t00 * r20 + t01 * r21 + t02 * r22;
        double wyz = t10 * r20 + t11 * r21 + t12 * r22;
        t[iwAt] = m;
        t[iwAt + 1] = m * cx;
        t[iwAt + 2] = m * cy;
        t[iwAt + 3] = m * cz;
        t[iwAt + 4] = wxx + m * (cy * cy + cz * cz);
        t[iwAt + 5] = wyy + m * (cx * cx + cz * cz);
        t[iwAt + 6] = wzz + m * (cx * cx + cy * cy);
        t[iwAt + 7] = wxy - m * cx * cy;
        t[iwAt + 8] = wxz - m * cx * cz;
        t[iwAt + 9] = wyz - m * cy * cz;
    }

    /**
     * Spatial velocities VW (world frame, about the world origin) and velocity-product
     * accelerations CW = VW × (SW·dq) of every body, if positions or velocities changed.
     */
    public static void updateVelocities(Skeleton s) {
        if (!s.positionsValid) {
            s.checkOpen();
            computeAll(s); // everything changed: one fused pass
            return;
        }
        updateFrames(s);
        if (!s.velocitiesValid) {
            computeVelocities(s);
        }
    }

    static void computeVelocities(Skeleton s) {
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] dq = s.dq;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            velocityBody(b, offset[i], parent[i] < 0 ? -1 : offset[parent[i]], dofCount[i], dofStart[i], dq, t);
        }
        s.velocitiesValid = true;
    }

    /** Scratch layout of {@link #velocityBody}: parent velocity, SW, result VW and CW. */
    private static final int V_PARENT = 0;
    private static final int V_SW = 8;
    private static final int V_OUT = 56;

    static void velocityBody(StateBlock b, int o, int po, int nd, int d, double[] dq, double[] t) {
        if (po >= 0) {
            b.read(po + VW, t, V_PARENT, 6);
        }
        if (nd > 0) {
            b.read(o + BodyRecord.sw(nd), t, V_SW, 6 * nd);
        }
        composeVelocity(t, po < 0 ? -1 : V_PARENT, V_SW, nd, d, dq, V_OUT);
        b.write(t, V_OUT, o + VW, 12); // VW then CW, adjacent in the record
    }

    /**
     * VW = V_parent + SW·dq and CW = VW × (SW·dq) into {@code out} (12 doubles), from the parent's
     * velocity at {@code parentAt} (−1: the world, at rest) and SW at {@code swAt}, in scratch.
     */
    private static void composeVelocity(double[] t, int parentAt, int swAt, int nd, int d, double[] dq, int out) {
        double wx = 0, wy = 0, wz = 0, vx = 0, vy = 0, vz = 0;
        if (parentAt >= 0) {
            wx = t[parentAt]; wy = t[parentAt + 1]; wz = t[parentAt + 2];
            vx = t[parentAt + 3]; vy = t[parentAt + 4]; vz = t[parentAt + 5];
        }
        // joint twist j = SW·dq
        double jwx = 0, jwy = 0, jwz = 0, jvx = 0, jvy = 0, jvz = 0;
        for (int k = 0; k < nd; k++) {
            double qd = dq[d + k];
            int c = swAt + 6 * k;
            jwx += t[c] * qd;
            jwy += t[c + 1] * qd;
            jwz += t[c + 2] * qd;
            jvx += t[c + 3] * qd;
            jvy += t[c + 4] * qd;
            jvz += t[c + 5] * qd;
        }
        wx += jwx; wy += jwy; wz += jwz;
        vx += jvx; vy += jvy; vz += jvz;
        t[out] = wx; t[out + 1] = wy; t[out + 2] = wz;
        t[out + 3] = vx; t[out + 4] = vy; t[out + 5] = vz;
        // c = V × j = [ω × jω; ω × jv + v × jω]
        t[out + 6] = wy * jwz - wz * jwy;
        t[out + 7] = wz * jwx - wx * jwz;
        t[out + 8] = wx * jwy - wy * jwx;
        t[out + 9] = wy * jvz - wz * jvy + vy * jwz - vz * jwy;
        t[out + 10] = wz * jvx - wx * jvz + vz * jwx - vx * jwz;
        t[out + 11] = wx * jvy - wy * jvx + vx * jwy - vy * jwx;
    }

    /*
     * Scratch layout of updateBody: the joint rotation (0–8), the record's inputs MASS…FEXT, the
     * parent's TW and VW (adjacent in its record), this body's TW, VW, CW, IW (adjacent in the record,
     * written in one copy), S and SW. Callers read FEXT, VW, CW and IW from here.
     */
    private static final int U_REC = 16;
    private static final int U_PARENT = U_REC + FEXT + 6;
    private static final int U_TW = U_PARENT + 18;
    /** Where {@link #updateBody} leaves the body's external force (6 doubles, from the record). */
    static final int U_FEXT = U_REC + FEXT;
    /** Where {@link #updateBody} leaves the body's world spatial velocity (6 doubles). */
    static final int U_VW = U_TW + (VW - TW);
    /** Where {@link #updateBody} leaves the body's velocity-product acceleration (6 doubles). */
    static final int U_CW = U_TW + (CW - TW);
    /** Where {@link #updateBody} leaves the body's world spatial inertia (10 doubles). */
    static final int U_IW = U_TW + (IW - TW);
    private static final int U_S = U_IW + 10;
    private static final int U_SW = U_S + 36;
    /** First scratch double {@link #updateBody} leaves alone. */
    static final int U_END = U_SW + 36;

    /**
     * Positions, frames and velocities of one body in one visit ({@link #positionBody},
     * {@link #frameBody} and {@link #velocityBody} fused, bit for bit the same results): 2 bulk reads
     * (MASS…FEXT, S), one more for the parent's TW+VW unless {@code parentInScratch}, and 2 bulk
     * writes (TW…IW, SW) instead of 11 copies, since what one step computed is read by the next from
     * scratch rather than from the record. {@code parentInScratch}: the parent is the body visited
     * just before (a chain), whose TW and VW are still in scratch where this call leaves its own.
     * Leaves FEXT, VW, CW and IW in scratch at {@link #U_FEXT}, {@link #U_VW}, {@link #U_CW},
     * {@link #U_IW}.
     */
    static void updateBody(StateBlock b, int o, int po, boolean parentInScratch, int c, int d, int nd,
            boolean childIdentity, double[] q, double[] dq, double[] t) {
        b.read(o + MASS, t, U_REC, FEXT + 6);
        int parentAt = -1;
        if (parentInScratch) {
            parentAt = U_TW; // composeTransform and composeVelocity read the parent before writing
        } else if (po >= 0) {
            b.read(po + TW, t, U_PARENT, 18); // TW then VW
            parentAt = U_PARENT;
        }
        composeTransform(t, U_REC, parentAt, c, d, childIdentity, q, U_TW);
        if (nd > 0) {
            b.read(o + BodyRecord.s(nd), t, U_S, 6 * nd);
        }
        composeFrames(t, U_REC, U_TW, U_S, U_SW, U_IW, nd);
        composeVelocity(t, parentAt < 0 ? -1 : parentAt + (VW - TW), U_SW, nd, d, dq, U_VW);
        b.write(t, U_TW, o + TW, IW + 10 - TW); // TW, VW, CW, IW
        if (nd > 0) {
            b.write(t, U_SW, o + BodyRecord.sw(nd), 6 * nd);
        }
    }

    /**
     * Positions, frames and velocities of every body in one outward pass ({@link #updateBody}), all
     * valid afterwards.
     */
    static void computeAll(Skeleton s) {
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
            final int pi = parent[i];
            updateBody(b, offset[i], pi < 0 ? -1 : offset[pi], pi >= 0 && pi == i - 1, code[i], dofStart[i],
                    dofCount[i], childIdentity[i], q, dq, t);
        }
        s.positionsValid = true;
        s.framesValid = true;
        s.velocitiesValid = true;
    }

    /**
     * Body {@code body}'s spatial velocity as DART's {@code BodyNode::getSpatialVelocity()} returns
     * it: the twist relative to the world in the body's own frame, [Rᵀω; Rᵀ·(velocity of the body
     * origin)], written into {@code out[off..off+5]}.
     */
    public static void bodySpatialVelocity(Skeleton s, int body, double[] out, int off) {
        updateVelocities(s);
        StateBlock b = s.block;
        int o = s.offset[body];
        int w = o + TW;
        int v = o + VW;
        double wx = b.get(v), wy = b.get(v + 1), wz = b.get(v + 2);
        double px = b.get(w + 9), py = b.get(w + 10), pz = b.get(w + 11);
        // velocity of the body origin: v_o + ω × p
        double lx = b.get(v + 3) + wy * pz - wz * py;
        double ly = b.get(v + 4) + wz * px - wx * pz;
        double lz = b.get(v + 5) + wx * py - wy * px;
        for (int r = 0; r < 3; r++) {
            double c0 = b.get(w + r), c1 = b.get(w + 3 + r), c2 = b.get(w + 6 + r); // column r of R
            out[off + r] = c0 * wx + c1 * wy + c2 * wz;
            out[off + 3 + r] = c0 * lx + c1 * ly + c2 * lz;
        }
    }

    /** Centre of mass of the whole skeleton in the world frame (m), written into {@code out[off..off+2]}. */
    public static void centerOfMass(Skeleton s, double[] out, int off) {
        updateFrames(s);
        StateBlock b = s.block;
        double m = 0, hx = 0, hy = 0, hz = 0;
        for (int i = 0; i < s.bodyCount; i++) {
            int iw = s.offset[i] + IW;
            m += b.get(iw);
            hx += b.get(iw + 1);
            hy += b.get(iw + 2);
            hz += b.get(iw + 3);
        }
        out[off] = hx / m;
        out[off + 1] = hy / m;
        out[off + 2] = hz / m;
    }
}
