package org.worldbench.dynamics;

import static org.worldbench.dynamics.BodyRecord.TW;

import java.util.Arrays;

/**
 * Jacobians of one body: 6 × dofs matrices, row-major into a caller's array, rows
 * [angular x, y, z; linear x, y, z]. Columns of dofs that do not move the body are zero.
 */
public final class Jacobians {

    private Jacobians() {
    }

    /**
     * DART's {@code getJacobian(body)}: maps dq to the body's spatial velocity in its own frame
     * (see {@link Kinematics#bodySpatialVelocity}).
     */
    public static void body(Skeleton s, int body, double[] out) {
        fill(s, body, out, true);
    }

    /**
     * DART's {@code getWorldJacobian(body)}: world-frame axes, linear rows for the velocity of the
     * body origin.
     */
    public static void world(Skeleton s, int body, double[] out) {
        fill(s, body, out, false);
    }

    /**
     * A free body's world Jacobian, [[R, 0], [0, R]] (S is the identity: an angular column moves
     * the origin by (p × ω) + (ω × p) = 0, a linear one by R·e), from the transform alone. The
     * general loop gets the same up to rounding (its zeros are that sum in floating point).
     */
    private static void freeBodyWorld(Skeleton s, double[] out) {
        Kinematics.updatePositions(s);
        double[] t = s.scratch;
        s.block.read(s.offset[0] + TW, t, 0, 9);
        Arrays.fill(out, 0, 36, 0.0);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double v = t[3 * r + c];
                out[6 * r + c] = v;
                out[6 * (3 + r) + 3 + c] = v;
            }
        }
    }

    private static void fill(Skeleton s, int body, double[] out, boolean bodyFrame) {
        s.checkOpen();
        int n = s.dofs;
        if (out.length < 6 * n) {
            throw new IllegalArgumentException("a Jacobian of skeleton '" + s.name() + "' needs 6 x " + n + " entries");
        }
        if (s.freeBody && !bodyFrame) {
            freeBodyWorld(s, out);
            return;
        }
        Kinematics.updateFrames(s);
        Arrays.fill(out, 0, 6 * n, 0.0);
        StateBlock b = s.block;
        int w = s.offset[body] + TW;
        double px = b.get(w + 9), py = b.get(w + 10), pz = b.get(w + 11);
        for (int j = body; j >= 0; j = s.parent[j]) {
            int nd = s.dofCount[j];
            int sw = s.offset[j] + BodyRecord.sw(nd);
            for (int k = 0; k < nd; k++) {
                int c = sw + 6 * k;
                int col = s.dofStart[j] + k;
                double ax = b.get(c), ay = b.get(c + 1), az = b.get(c + 2);
                // velocity of the body origin from this column: v + ω × p
                double lx = b.get(c + 3) + ay * pz - az * py;
                double ly = b.get(c + 4) + az * px - ax * pz;
                double lz = b.get(c + 5) + ax * py - ay * px;
                if (bodyFrame) {
                    for (int r = 0; r < 3; r++) {
                        double c0 = b.get(w + r), c1 = b.get(w + 3 + r), c2 = b.get(w + 6 + r);
                        out[r * n + col] = c0 * ax + c1 * ay + c2 * az;
                        out[(3 + r) * n + col] = c0 * lx + c1 * ly + c2 * lz;
                    }
                } else {
                    out[col] = ax;
                    out[n + col] = ay;
                    out[2 * n + col] = az;
                    out[3 * n + col] = lx;
                    out[4 * n + col] = ly;
                    out[5 * n + col] = lz;
                }
            }
        }
    }
}
