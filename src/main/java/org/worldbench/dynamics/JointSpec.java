package org.worldbench.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * The description of one joint: its type and axis, where it sits on the parent and on the child
 * (golden README §4.2: T_parent→child(q) = parentToJoint · Q(q) · childToJoint⁻¹), and its per-dof
 * properties. Immutable: the {@code with…} methods return a copy.
 *
 * <p>Per-dof arrays have one entry per dof of the joint type. Limits are stored for the
 * constraint solver; the dynamics algorithms ignore them, as DART's do. Damping (N·m·s/rad or N·s/m)
 * and spring stiffness (N·m/rad or N/m) enter forward dynamics semi-implicitly (golden README §4.6).
 */
public final class JointSpec {

    private final String name;
    private final JointType type;
    private final Vec3 axis;
    private final Isometry3 parentToJoint;
    private final Isometry3 childToJoint;
    private final double[] damping;
    private final double[] stiffness;
    private final double[] restPosition;
    private final double[] coulombFriction;
    private final double[] lowerLimit;
    private final double[] upperLimit;
    private final double[] effortLimit;
    private final double[] velocityLimit;

    private JointSpec(String name, JointType type, Vec3 axis, Isometry3 parentToJoint, Isometry3 childToJoint,
            double[] damping, double[] stiffness, double[] restPosition, double[] coulombFriction,
            double[] lowerLimit, double[] upperLimit, double[] effortLimit, double[] velocityLimit) {
        this.name = Objects.requireNonNull(name, "joint name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("joint name must not be blank");
        }
        this.type = Objects.requireNonNull(type, "joint type");
        this.axis = axis;
        this.parentToJoint = Objects.requireNonNull(parentToJoint, "parentToJoint");
        this.childToJoint = Objects.requireNonNull(childToJoint, "childToJoint");
        int n = type.dofs();
        this.damping = perDof("damping", damping, n, 0, true);
        this.stiffness = perDof("spring stiffness", stiffness, n, 0, true);
        this.restPosition = perDof("rest position", restPosition, n, 0, false);
        this.coulombFriction = perDof("coulomb friction", coulombFriction, n, 0, true);
        this.lowerLimit = perDof("lower limit", lowerLimit, n, Double.NEGATIVE_INFINITY, false);
        this.upperLimit = perDof("upper limit", upperLimit, n, Double.POSITIVE_INFINITY, false);
        this.effortLimit = perDof("effort limit", effortLimit, n, Double.POSITIVE_INFINITY, true);
        this.velocityLimit = perDof("velocity limit", velocityLimit, n, Double.POSITIVE_INFINITY, true);
        for (int i = 0; i < n; i++) {
            if (this.lowerLimit[i] > this.upperLimit[i]) {
                throw new IllegalArgumentException("joint '" + name + "': lower limit " + this.lowerLimit[i]
                        + " is above upper limit " + this.upperLimit[i]);
            }
        }
    }

    private double[] perDof(String what, double[] values, int n, double fallback, boolean nonNegative) {
        if (values == null) {
            double[] v = new double[n];
            Arrays.fill(v, fallback);
            return v;
        }
        if (values.length != n) {
            throw new IllegalArgumentException("joint '" + name + "': " + what + " needs " + n
                    + " values (one per dof of a " + type + " joint), got " + values.length);
        }
        for (double v : values) {
            if (Double.isNaN(v) || (nonNegative && v < 0)) {
                throw new IllegalArgumentException("joint '" + name + "': " + what + " must be "
                        + (nonNegative ? ">= 0" : "a number") + ", got " + v);
            }
        }
        return values.clone();
    }

    private static Vec3 unitAxis(String name, Vec3 axis) {
        Objects.requireNonNull(axis, "axis");
        double n = axis.norm();
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("joint '" + name + "': axis must be a finite non-zero vector, got " + axis);
        }
        // DART normalizes the axis of revolute and prismatic joints
        return n == 1.0 ? axis : axis.normalized();
    }

    public static JointSpec revolute(String name, Vec3 axis) {
        return new JointSpec(name, JointType.REVOLUTE, unitAxis(name, axis), Isometry3.identity(), Isometry3.identity(),
                null, null, null, null, null, null, null, null);
    }

    public static JointSpec prismatic(String name, Vec3 axis) {
        return new JointSpec(name, JointType.PRISMATIC, unitAxis(name, axis), Isometry3.identity(), Isometry3.identity(),
                null, null, null, null, null, null, null, null);
    }

    public static JointSpec ball(String name) {
        return of(name, JointType.BALL);
    }

    public static JointSpec free(String name) {
        return of(name, JointType.FREE);
    }

    public static JointSpec weld(String name) {
        return of(name, JointType.WELD);
    }

    private static JointSpec of(String name, JointType type) {
        return new JointSpec(name, type, null, Isometry3.identity(), Isometry3.identity(),
                null, null, null, null, null, null, null, null);
    }

    private JointSpec copy(String newName, Isometry3 pj, Isometry3 cj, double[] d, double[] k, double[] rest,
            double[] friction, double[] lo, double[] hi, double[] effort, double[] velocity) {
        return new JointSpec(newName, type, axis, pj, cj, d, k, rest, friction, lo, hi, effort, velocity);
    }

    /** The joint frame seen from the parent body (T_parent_body_to_joint). */
    public JointSpec withParentOffset(Isometry3 t) {
        return copy(name, t, childToJoint, damping, stiffness, restPosition, coulombFriction, lowerLimit, upperLimit,
                effortLimit, velocityLimit);
    }

    /** The joint frame seen from the child body (T_child_body_to_joint). */
    public JointSpec withChildOffset(Isometry3 t) {
        return copy(name, parentToJoint, t, damping, stiffness, restPosition, coulombFriction, lowerLimit, upperLimit,
                effortLimit, velocityLimit);
    }

    public JointSpec withName(String newName) {
        return copy(newName, parentToJoint, childToJoint, damping, stiffness, restPosition, coulombFriction, lowerLimit,
                upperLimit, effortLimit, velocityLimit);
    }

    public JointSpec withDamping(double... d) {
        return copy(name, parentToJoint, childToJoint, d, stiffness, restPosition, coulombFriction, lowerLimit,
                upperLimit, effortLimit, velocityLimit);
    }

    public JointSpec withSpring(double[] k, double[] rest) {
        return copy(name, parentToJoint, childToJoint, damping, k, rest, coulombFriction, lowerLimit, upperLimit,
                effortLimit, velocityLimit);
    }

    public JointSpec withCoulombFriction(double... f) {
        return copy(name, parentToJoint, childToJoint, damping, stiffness, restPosition, f, lowerLimit, upperLimit,
                effortLimit, velocityLimit);
    }

    public JointSpec withPositionLimits(double[] lower, double[] upper) {
        return copy(name, parentToJoint, childToJoint, damping, stiffness, restPosition, coulombFriction, lower, upper,
                effortLimit, velocityLimit);
    }

    public JointSpec withEffortAndVelocityLimits(double[] effort, double[] velocity) {
        return copy(name, parentToJoint, childToJoint, damping, stiffness, restPosition, coulombFriction, lowerLimit,
                upperLimit, effort, velocity);
    }

    public String name() {
        return name;
    }

    public JointType type() {
        return type;
    }

    public int dofs() {
        return type.dofs();
    }

    /** The unit axis in the joint frame (revolute and prismatic joints), else null. */
    public Vec3 axis() {
        return axis;
    }

    public Isometry3 parentToJoint() {
        return parentToJoint;
    }

    public Isometry3 childToJoint() {
        return childToJoint;
    }

    public double[] damping() {
        return damping.clone();
    }

    public double[] springStiffness() {
        return stiffness.clone();
    }

    public double[] restPosition() {
        return restPosition.clone();
    }

    public double[] coulombFriction() {
        return coulombFriction.clone();
    }

    /** Lower position limits, −∞ when unlimited. */
    public double[] lowerLimit() {
        return lowerLimit.clone();
    }

    /** Upper position limits, +∞ when unlimited. */
    public double[] upperLimit() {
        return upperLimit.clone();
    }

    public double[] effortLimit() {
        return effortLimit.clone();
    }

    public double[] velocityLimit() {
        return velocityLimit.clone();
    }

    /** DART's dof names: the joint name (1 dof), {@code _x/_y/_z} (ball), {@code _rot_x … _pos_z} (free). */
    public List<String> dofNames() {
        return switch (type) {
            case WELD -> List.of();
            case REVOLUTE, PRISMATIC -> List.of(name);
            case BALL -> List.of(name + "_x", name + "_y", name + "_z");
            case FREE -> List.of(name + "_rot_x", name + "_rot_y", name + "_rot_z",
                    name + "_pos_x", name + "_pos_y", name + "_pos_z");
        };
    }

    @Override
    public String toString() {
        return type + " joint '" + name + "'";
    }
}
