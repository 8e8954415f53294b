package org.worldbench.math;

/**
 * Rotation matrices from and to rotation vectors, following DART 6.12 exactly where its choices
 * show in results (golden README §4.2, §4.9). Matrices are 3×3, row-major, written into a caller's
 * array at an offset so that hot paths allocate nothing.
 */
public final class Rotations {

    /**
     * Below this angle (rad) DART's {@code expMapRot} uses the truncated series
     * I + [r]× + ½[r]×², which is not exactly orthonormal; time stepping depends on it.
     */
    public static final double EXP_MAP_SERIES_THRESHOLD = 1e-3;

    private Rotations() {
    }

    /**
     * DART's {@code math::expMapRot}: the rotation of the rotation vector (rx, ry, rz) (axis·angle,
     * rad), Rodrigues' formula, or the truncated series below {@link #EXP_MAP_SERIES_THRESHOLD}.
     */
    public static void expMapRot(double rx, double ry, double rz, double[] out, int off) {
        double theta = Math.sqrt(rx * rx + ry * ry + rz * rz);
        double a;
        double b;
        if (theta < EXP_MAP_SERIES_THRESHOLD) {
            a = 1.0;
            b = 0.5;
        } else {
            a = Math.sin(theta) / theta;
            b = (1 - Math.cos(theta)) / (theta * theta);
        }
        // [r]x^2 = r r^T - |r|^2 I
        double xx = rx * rx;
        double yy = ry * ry;
        double zz = rz * rz;
        double xy = rx * ry;
        double xz = rx * rz;
        double yz = ry * rz;
        out[off] = 1 + b * (-yy - zz);
        out[off + 1] = -a * rz + b * xy;
        out[off + 2] = a * ry + b * xz;
        out[off + 3] = a * rz + b * xy;
        out[off + 4] = 1 + b * (-xx - zz);
        out[off + 5] = -a * rx + b * yz;
        out[off + 6] = -a * ry + b * xz;
        out[off + 7] = a * rx + b * yz;
        out[off + 8] = 1 + b * (-xx - yy);
    }

    /** The exact rotation by {@code angle} (rad) about the unit axis (ax, ay, az). */
    public static void axisAngle(double ax, double ay, double az, double angle, double[] out, int off) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        out[off] = c + t * ax * ax;
        out[off + 1] = t * ax * ay - s * az;
        out[off + 2] = t * ax * az + s * ay;
        out[off + 3] = t * ax * ay + s * az;
        out[off + 4] = c + t * ay * ay;
        out[off + 5] = t * ay * az - s * ax;
        out[off + 6] = t * ax * az - s * ay;
        out[off + 7] = t * ay * az + s * ax;
        out[off + 8] = c + t * az * az;
    }

    /**
     * DART's {@code math::logMap} for rotations, which is {@code Eigen::AngleAxisd(R)}: Shoemake's
     * matrix-to-quaternion conversion, then angle = 2·atan2(|vec|, |w|). Writes the rotation vector
     * (rad) into {@code out[outOff..outOff+2]}. Works on matrices that are only nearly orthonormal.
     */
    public static void logMap(double[] r, int off, double[] out, int outOff) {
        double m00 = r[off];
        double m01 = r[off + 1];
        double m02 = r[off + 2];
        double m10 = r[off + 3];
        double m11 = r[off + 4];
        double m12 = r[off + 5];
        double m20 = r[off + 6];
        double m21 = r[off + 7];
        double m22 = r[off + 8];
        double w;
        double x;
        double y;
        double z;
        double trace = m00 + m11 + m22;
        if (trace > 0) {
            double t = Math.sqrt(trace + 1.0);
            w = 0.5 * t;
            t = 0.5 / t;
            x = (m21 - m12) * t;
            y = (m02 - m20) * t;
            z = (m10 - m01) * t;
        } else {
            // Eigen: i = index of the largest diagonal entry, j = i+1, k = j+1 (mod 3)
            int i = 0;
            if (m11 > m00) {
                i = 1;
            }
            if (m22 > (i == 0 ? m00 : m11)) {
                i = 2;
            }
            if (i == 0) {
                double t = Math.sqrt(m00 - m11 - m22 + 1.0);
                x = 0.5 * t;
                t = 0.5 / t;
                w = (m21 - m12) * t;
                y = (m10 + m01) * t;
                z = (m20 + m02) * t;
            } else if (i == 1) {
                double t = Math.sqrt(m11 - m22 - m00 + 1.0);
                y = 0.5 * t;
                t = 0.5 / t;
                w = (m02 - m20) * t;
                z = (m21 + m12) * t;
                x = (m01 + m10) * t;
            } else {
                double t = Math.sqrt(m22 - m00 - m11 + 1.0);
                z = 0.5 * t;
                t = 0.5 / t;
                w = (m10 - m01) * t;
                x = (m02 + m20) * t;
                y = (m12 + m21) * t;
            }
        }
        double n = Math.sqrt(x * x + y * y + z * z);
        if (n == 0) {
            out[outOff] = 0;
            out[outOff + 1] = 0;
            out[outOff + 2] = 0;
            return;
        }
        double angle = 2 * Math.atan2(n, Math.abs(w));
        double scale = (w < 0 ? -angle : angle) / n;
        out[outOff] = x * scale;
        out[outOff + 1] = y * scale;
        out[outOff + 2] = z * scale;
    }

    /**
     * The URDF roll-pitch-yaw rotation R = Rz(yaw)·Ry(pitch)·Rx(roll) (fixed axes X, then Y, then Z).
     */
    public static void rpy(double roll, double pitch, double yaw, double[] out, int off) {
        double cr = Math.cos(roll);
        double sr = Math.sin(roll);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        out[off] = cy * cp;
        out[off + 1] = cy * sp * sr - sy * cr;
        out[off + 2] = cy * sp * cr + sy * sr;
        out[off + 3] = sy * cp;
        out[off + 4] = sy * sp * sr + cy * cr;
        out[off + 5] = sy * sp * cr - cy * sr;
        out[off + 6] = -sp;
        out[off + 7] = cp * sr;
        out[off + 8] = cp * cr;
    }
}
