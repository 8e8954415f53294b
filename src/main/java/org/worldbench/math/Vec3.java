package org.worldbench.math;

/**
 * A 3-vector used to describe models (offsets, axes, centres of mass). Hot paths never create one:
 * they work on flat {@code double} storage.
 *
 * @param x first component
 * @param y second component
 * @param z third component
 */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 UNIT_X = new Vec3(1, 0, 0);
    public static final Vec3 UNIT_Y = new Vec3(0, 1, 0);
    public static final Vec3 UNIT_Z = new Vec3(0, 0, 1);

    public double get(int i) {
        return switch (i) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("Vec3 index " + i);
        };
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public Vec3 scale(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public Vec3 normalized() {
        double n = norm();
        if (n == 0) {
            throw new IllegalArgumentException("cannot normalize the zero vector");
        }
        return new Vec3(x / n, y / n, z / n);
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }
}
