package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.AXIS;
import static org.worldbench.dynamics.BodyRecord.COM;
import static org.worldbench.dynamics.BodyRecord.CW;
import static org.worldbench.dynamics.BodyRecord.INERTIA;
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
            final int o = offset[i];
            final int pi = parent[i];
            // A = T_world,parent · T_parent_to_joint
            double r00, r01, r02, r10, r11, r12, r20, r21, r22, px, py, pz;
            {
                double j00 = b.get(o + T_PJ), j01 = b.get(o + T_PJ + 1), j02 = b.get(o + T_PJ + 2);
                double j10 = b.get(o + T_PJ + 3), j11 = b.get(o + T_PJ + 4), j12 = b.get(o + T_PJ + 5);
                double j20 = b.get(o + T_PJ + 6), j21 = b.get(o + T_PJ + 7), j22 = b.get(o + T_PJ + 8);
                double jx = b.get(o + T_PJ + 9), jy = b.get(o + T_PJ + 10), jz = b.get(o + T_PJ + 11);
                if (pi < 0) {
                    r00 = j00; r01 = j01; r02 = j02;
                    r10 = j10; r11 = j11; r12 = j12;
                    r20 = j20; r21 = j21; r22 = j22;
                    px = jx; py = jy; pz = jz;
                } else {
                    final int po = offset[pi] + TW;
                    double a00 = b.get(po), a01 = b.get(po + 1), a02 = b.get(po + 2);
                    double a10 = b.get(po + 3), a11 = b.get(po + 4), a12 = b.get(po + 5);
                    double a20 = b.get(po + 6), a21 = b.get(po + 7), a22 = b.get(po + 8);
                    r00 = a00 * j00 + a01 * j10 + a02 * j20;
                    r01 = a00 * j01 + a01 * j11 + a02 * j21;
                    r02 = a00 * j02 + a01 * j12 + a02 * j22;
                    r10 = a10 * j00 + a11 * j10 + a12 * j20;
                    r11 = a10 * j01 + a11 * j11 + a12 * j21;
                    r12 = a10 * j02 + a11 * j12 + a12 * j22;
                    r20 = a20 * j00 + a21 * j10 + a22 * j20;
                    r21 = a20 * j01 + a21 * j11 + a22 * j21;
                    r22 = a20 * j02 + a21 * j12 + a22 * j22;
                    px = a00 * jx + a01 * jy + a02 * jz + b.get(po + 9);
                    py = a10 * jx + a11 * jy + a12 * jz + b.get(po + 10);
                    pz = a20 * jx + a21 * jy + a22 * jz + b.get(po + 11);
                }
            }
            // B = A · Q(q)
            final int c = code[i];
            if (c != JointType.WELD_CODE) {
                final int d = dofStart[i];
                boolean rotates = true;
                if (c == JointType.REVOLUTE_CODE) {
                    Rotations.axisAngle(b.get(o + AXIS), b.get(o + AXIS + 1), b.get(o + AXIS + 2), q[d], t, 0);
                } else if (c == JointType.PRISMATIC_CODE) {
                    double sx = b.get(o + AXIS) * q[d], sy = b.get(o + AXIS + 1) * q[d], sz = b.get(o + AXIS + 2) * q[d];
                    px += r00 * sx + r01 * sy + r02 * sz;
                    py += r10 * sx + r11 * sy + r12 * sz;
                    pz += r20 * sx + r21 * sy + r22 * sz;
                    rotates = false;
                } else if (c == JointType.BALL_CODE) {
                    Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, 0);
                } else { // FREE: [exp(r), p], p a plain translation in the joint frame
                    double sx = q[d + 3], sy = q[d + 4], sz = q[d + 5];
                    px += r00 * sx + r01 * sy + r02 * sz;
                    py += r10 * sx + r11 * sy + r12 * sz;
                    pz += r20 * sx + r21 * sy + r22 * sz;
                    Rotations.expMapRot(q[d], q[d + 1], q[d + 2], t, 0);
                }
                if (rotates) {
                    double q00 = t[0], q01 = t[1], q02 = t[2], q10 = t[3], q11 = t[4], q12 = t[5];
                    double q20 = t[6], q21 = t[7], q22 = t[8];
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
            if (!childIdentity[i]) {
                double c00 = b.get(o + T_CJ_INV), c01 = b.get(o + T_CJ_INV + 1), c02 = b.get(o + T_CJ_INV + 2);
                double c10 = b.get(o + T_CJ_INV + 3), c11 = b.get(o + T_CJ_INV + 4), c12 = b.get(o + T_CJ_INV + 5);
                double c20 = b.get(o + T_CJ_INV + 6), c21 = b.get(o + T_CJ_INV + 7), c22 = b.get(o + T_CJ_INV + 8);
                double cx = b.get(o + T_CJ_INV + 9), cy = b.get(o + T_CJ_INV + 10), cz = b.get(o + T_CJ_INV + 11);
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
            final int w = o + TW;
            b.set(w, r00); b.set(w + 1, r01); b.set(w + 2, r02);
            b.set(w + 3, r10); b.set(w + 4, r11); b.set(w + 5, r12);
            b.set(w + 6, r20); b.set(w + 7, r21); b.set(w + 8, r22);
            b.set(w + 9, px); b.set(w + 10, py); b.set(w + 11, pz);
        }
        s.positionsValid = true;
        s.framesValid = false;
        s.velocitiesValid = false;
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
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int w = o + TW;
            double r00 = b.get(w), r01 = b.get(w + 1), r02 = b.get(w + 2);
            double r10 = b.get(w + 3), r11 = b.get(w + 4), r12 = b.get(w + 5);
            double r20 = b.get(w + 6), r21 = b.get(w + 7), r22 = b.get(w + 8);
            double px = b.get(w + 9), py = b.get(w + 10), pz = b.get(w + 11);
            final int nd = dofCount[i];
            final int so = o + BodyRecord.s(nd);
            final int sw = o + BodyRecord.sw(nd);
            for (int k = 0; k < nd; k++) {
                int src = so + 6 * k;
                double sx = b.get(src), sy = b.get(src + 1), sz = b.get(src + 2);
                double vx = b.get(src + 3), vy = b.get(src + 4), vz = b.get(src + 5);
                double ax = r00 * sx + r01 * sy + r02 * sz;
                double ay = r10 * sx + r11 * sy + r12 * sz;
                double az = r20 * sx + r21 * sy + r22 * sz;
                double lx = r00 * vx + r01 * vy + r02 * vz;
                double ly = r10 * vx + r11 * vy + r12 * vz;
                double lz = r20 * vx + r21 * vy + r22 * vz;
                int dst = sw + 6 * k;
                b.set(dst, ax);
                b.set(dst + 1, ay);
                b.set(dst + 2, az);
                b.set(dst + 3, lx + py * az - pz * ay);
                b.set(dst + 4, ly + pz * ax - px * az);
                b.set(dst + 5, lz + px * ay - py * ax);
            }
            // IW: mass, h = m·c (c = COM in world), Ī = R·Ic·Rᵀ + m(|c|²·1 − c·cᵀ) about the world origin
            double m = b.get(o + MASS);
            double lcx = b.get(o + COM), lcy = b.get(o + COM + 1), lcz = b.get(o + COM + 2);
            double cx = r00 * lcx + r01 * lcy + r02 * lcz + px;
            double cy = r10 * lcx + r11 * lcy + r12 * lcz + py;
            double cz = r20 * lcx + r21 * lcy + r22 * lcz + pz;
            double ixx = b.get(o + INERTIA), iyy = b.get(o + INERTIA + 1), izz = b.get(o + INERTIA + 2);
            double ixy = b.get(o + INERTIA + 3), ixz = b.get(o + INERTIA + 4), iyz = b.get(o + INERTIA + 5);
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
            final int iw = o + IW;
            b.set(iw, m);
            b.set(iw + 1, m * cx);
            b.set(iw + 2, m * cy);
            b.set(iw + 3, m * cz);
            b.set(iw + 4, wxx + m * (cy * cy + cz * cz));
            b.set(iw + 5, wyy + m * (cx * cx + cz * cz));
            b.set(iw + 6, wzz + m * (cx * cx + cy * cy));
            b.set(iw + 7, wxy - m * cx * cy);
            b.set(iw + 8, wxz - m * cx * cz);
            b.set(iw + 9, wyz - m * cy * cz);
        }
        s.framesValid = true;
    }

    /**
     * Spatial velocities VW (world frame, about the world origin) and velocity-product
     * accelerations CW = VW × (SW·dq) of every body, if positions or velocities changed.
     */
    public static void updateVelocities(Skeleton s) {
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
        final int n = s.bodyCount;
        for (int i = 0; i < n; i++) {
            final int o = offset[i];
            final int pi = parent[i];
            double wx = 0, wy = 0, wz = 0, vx = 0, vy = 0, vz = 0;
            if (pi >= 0) {
                int pv = offset[pi] + VW;
                wx = b.get(pv); wy = b.get(pv + 1); wz = b.get(pv + 2);
                vx = b.get(pv + 3); vy = b.get(pv + 4); vz = b.get(pv + 5);
            }
            // joint twist j = SW·dq
            double jwx = 0, jwy = 0, jwz = 0, jvx = 0, jvy = 0, jvz = 0;
            final int nd = dofCount[i];
            final int sw = o + BodyRecord.sw(nd);
            final int d = dofStart[i];
            for (int k = 0; k < nd; k++) {
                double qd = dq[d + k];
                int c = sw + 6 * k;
                jwx += b.get(c) * qd;
                jwy += b.get(c + 1) * qd;
                jwz += b.get(c + 2) * qd;
                jvx += b.get(c + 3) * qd;
                jvy += b.get(c + 4) * qd;
                jvz += b.get(c + 5) * qd;
            }
            wx += jwx; wy += jwy; wz += jwz;
            vx += jvx; vy += jvy; vz += jvz;
            final int v = o + VW;
            b.set(v, wx); b.set(v + 1, wy); b.set(v + 2, wz);
            b.set(v + 3, vx); b.set(v + 4, vy); b.set(v + 5, vz);
            // c = V × j = [ω × jω; ω × jv + v × jω]
            final int cw = o + CW;
            b.set(cw, wy * jwz - wz * jwy);
            b.set(cw + 1, wz * jwx - wx * jwz);
            b.set(cw + 2, wx * jwy - wy * jwx);
            b.set(cw + 3, wy * jvz - wz * jvy + vy * jwz - vz * jwy);
            b.set(cw + 4, wz * jvx - wx * jvz + vz * jwx - vx * jwz);
            b.set(cw + 5, wx * jvy - wy * jvx + vx * jwy - vy * jwx);
        }
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
