package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.IC;
import static org.worldbench.dynamics.BodyRecord.IW;

/**
 * The joint-space mass matrix M(q) = Σ Jᵢᵀ Gᵢ Jᵢ (DART's {@code getMassMatrix()}, no armature or
 * damping terms) by the composite-rigid-body algorithm in the world frame: composite inertias
 * about the world origin add up without transforms, and each entry is one dot product
 * M[j][i] = SWⱼ · (ICᵢ·SWᵢ) for every ancestor j of i. A single free body ({@link FreeBody})
 * skips all of it: its M is its spatial inertia in body axes, a constant (its IC is not written).
 */
public final class MassMatrix {

    private MassMatrix() {
    }

    /** Computes M for the current positions into the skeleton ({@link Skeleton#massMatrix(int, int)}). */
    public static void compute(Skeleton s) {
        s.checkOpen();
        if (s.freeBody) {
            FreeBody.massMatrix(s); // constant: the body's spatial inertia in body axes
            return;
        }
        Kinematics.updateFrames(s);
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] m = s.massMatrix;
        final double[] sw = s.subspaceScratch;
        final double[] t = s.scratch;
        final int n = s.bodyCount;
        final int dofs = s.dofs;
        // composite inertias, leaves to root; the motion subspaces gathered into one dense array
        for (int i = 0; i < n; i++) {
            b.read(offset[i] + IW, t, 0, 10);
            b.write(t, 0, offset[i] + IC, 10);
            if (dofCount[i] > 0) {
                b.read(offset[i] + BodyRecord.sw(dofCount[i]), sw, 6 * dofStart[i], 6 * dofCount[i]);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int pi = parent[i];
            if (pi >= 0) {
                b.read(offset[i] + IC, t, 0, 10);
                b.read(offset[pi] + IC, t, 16, 10);
                for (int k = 0; k < 10; k++) {
                    t[16 + k] += t[k];
                }
                b.write(t, 16, offset[pi] + IC, 10);
            }
        }
        java.util.Arrays.fill(m, 0, dofs * dofs, 0.0);
        for (int i = 0; i < n; i++) {
            final int nd = dofCount[i];
            if (nd == 0) {
                continue;
            }
            b.read(offset[i] + IC, t, 0, 10);
            double mass = t[0], hx = t[1], hy = t[2], hz = t[3];
            double ixx = t[4], iyy = t[5], izz = t[6], ixy = t[7], ixz = t[8], iyz = t[9];
            final int di = dofStart[i];
            for (int k = 0; k < nd; k++) {
                int c = 6 * (di + k);
                double wx = sw[c], wy = sw[c + 1], wz = sw[c + 2];
                double vx = sw[c + 3], vy = sw[c + 4], vz = sw[c + 5];
                // F = IC · S_k = [Ī ω + h × v; m v − h × ω]
                double fx = ixx * wx + ixy * wy + ixz * wz + hy * vz - hz * vy;
                double fy = ixy * wx + iyy * wy + iyz * wz + hz * vx - hx * vz;
                double fz = ixz * wx + iyz * wy + izz * wz + hx * vy - hy * vx;
                double gx = mass * vx - (hy * wz - hz * wy);
                double gy = mass * vy - (hz * wx - hx * wz);
                double gz = mass * vz - (hx * wy - hy * wx);
                int col = di + k;
                for (int l = 0; l <= k; l++) {
                    int e = 6 * (di + l);
                    double val = sw[e] * fx + sw[e + 1] * fy + sw[e + 2] * fz
                            + sw[e + 3] * gx + sw[e + 4] * gy + sw[e + 5] * gz;
                    m[(di + l) * dofs + col] = val;
                    m[col * dofs + di + l] = val;
                }
                for (int j = parent[i]; j >= 0; j = parent[j]) {
                    int dj = dofStart[j];
                    int end = dj + dofCount[j];
                    for (int row = dj; row < end; row++) {
                        int e = 6 * row;
                        double val = sw[e] * fx + sw[e + 1] * fy + sw[e + 2] * fz
                                + sw[e + 3] * gx + sw[e + 4] * gy + sw[e + 5] * gz;
                        m[row * dofs + col] = val;
                        m[col * dofs + row] = val;
                    }
                }
            }
        }
    }
}
