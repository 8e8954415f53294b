package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.IC;
import static org.worldbench.dynamics.BodyRecord.IW;

/**
 * The joint-space mass matrix M(q) = Σ Jᵢᵀ Gᵢ Jᵢ (DART's {@code getMassMatrix()}, no armature or
 * damping terms) by the composite-rigid-body algorithm in the world frame: composite inertias
 * about the world origin add up without transforms, and each entry is one dot product
 * M[j][i] = SWⱼ · (ICᵢ·SWᵢ) for every ancestor j of i.
 */
public final class MassMatrix {

    private MassMatrix() {
    }

    /** Computes M for the current positions into the skeleton ({@link Skeleton#massMatrix(int, int)}). */
    public static void compute(Skeleton s) {
        Kinematics.updateFrames(s);
        final StateBlock b = s.block;
        final int[] parent = s.parent;
        final int[] offset = s.offset;
        final int[] dofStart = s.dofStart;
        final int[] dofCount = s.dofCount;
        final double[] m = s.massMatrix;
        final int n = s.bodyCount;
        final int dofs = s.dofs;
        for (int i = 0; i < n; i++) {
            b.copyFrom(b, offset[i] + IW, offset[i] + IC, 10);
        }
        for (int i = n - 1; i >= 0; i--) {
            int pi = parent[i];
            if (pi >= 0) {
                int src = offset[i] + IC;
                int dst = offset[pi] + IC;
                for (int k = 0; k < 10; k++) {
                    b.add(dst + k, b.get(src + k));
                }
            }
        }
        java.util.Arrays.fill(m, 0, dofs * dofs, 0.0);
        for (int i = 0; i < n; i++) {
            final int nd = dofCount[i];
            if (nd == 0) {
                continue;
            }
            final int o = offset[i];
            final int ic = o + IC;
            double mass = b.get(ic), hx = b.get(ic + 1), hy = b.get(ic + 2), hz = b.get(ic + 3);
            double ixx = b.get(ic + 4), iyy = b.get(ic + 5), izz = b.get(ic + 6);
            double ixy = b.get(ic + 7), ixz = b.get(ic + 8), iyz = b.get(ic + 9);
            final int sw = o + BodyRecord.sw(nd);
            final int di = dofStart[i];
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                double wx = b.get(c), wy = b.get(c + 1), wz = b.get(c + 2);
                double vx = b.get(c + 3), vy = b.get(c + 4), vz = b.get(c + 5);
                // F = IC · S_k = [Ī ω + h × v; m v − h × ω]
                double fx = ixx * wx + ixy * wy + ixz * wz + hy * vz - hz * vy;
                double fy = ixy * wx + iyy * wy + iyz * wz + hz * vx - hx * vz;
                double fz = ixz * wx + iyz * wy + izz * wz + hx * vy - hy * vx;
                double gx = mass * vx - (hy * wz - hz * wy);
                double gy = mass * vy - (hz * wx - hx * wz);
                double gz = mass * vz - (hx * wy - hy * wx);
                int col = di + k;
                for (int l = 0; l <= k; l++) {
                    int e = sw + 6 * l;
                    double val = b.get(e) * fx + b.get(e + 1) * fy + b.get(e + 2) * fz
                            + b.get(e + 3) * gx + b.get(e + 4) * gy + b.get(e + 5) * gz;
                    m[(di + l) * dofs + col] = val;
                    m[col * dofs + di + l] = val;
                }
                for (int j = parent[i]; j >= 0; j = parent[j]) {
                    int ndj = dofCount[j];
                    int swj = offset[j] + BodyRecord.sw(ndj);
                    int dj = dofStart[j];
                    for (int l = 0; l < ndj; l++) {
                        int e = swj + 6 * l;
                        double val = b.get(e) * fx + b.get(e + 1) * fy + b.get(e + 2) * fz
                                + b.get(e + 3) * gx + b.get(e + 4) * gy + b.get(e + 5) * gz;
                        m[(dj + l) * dofs + col] = val;
                        m[col * dofs + dj + l] = val;
                    }
                }
            }
        }
    }
}
