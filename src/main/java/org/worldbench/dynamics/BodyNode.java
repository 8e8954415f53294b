package org.worldbench.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * A rigid body of a {@link Skeleton} together with its parent joint. This object is a handle:
 * the body's numbers live in the skeleton's {@link BodyNodePool} record, and its index changes
 * when bodies before it are removed. A removed body's handle fails on use.
 */
public final class BodyNode {

    private final Skeleton skeleton;
    private final String name;
    private JointSpec joint;
    private final List<CollisionShape> shapes = new ArrayList<>();
    int index;
    BodyNode parent;

    BodyNode(Skeleton skeleton, String name, JointSpec joint, BodyNode parent) {
        this.skeleton = skeleton;
        this.name = name;
        this.joint = joint;
        this.parent = parent;
    }

    public String name() {
        return name;
    }

    public Skeleton skeleton() {
        return skeleton;
    }

    /** Position in the skeleton's body order (parents before children). */
    public int index() {
        checkAlive();
        return index;
    }

    /** The parent body, or null when the parent joint attaches to the world. */
    public BodyNode parent() {
        return parent;
    }

    /** The parent joint's description. */
    public JointSpec joint() {
        return joint;
    }

    /** Index of this body's first dof in the skeleton's generalized vectors. */
    public int dofStart() {
        checkAlive();
        return skeleton.dofStart[index];
    }

    public int dofCount() {
        return joint.dofs();
    }

    public double mass() {
        return skeleton.read(index, BodyRecord.MASS);
    }

    /** Mass properties as stored in the pool. */
    public Inertia inertia() {
        checkAlive();
        int i = index;
        return new Inertia(skeleton.read(i, BodyRecord.MASS),
                new Vec3(skeleton.read(i, BodyRecord.COM), skeleton.read(i, BodyRecord.COM + 1),
                        skeleton.read(i, BodyRecord.COM + 2)),
                skeleton.read(i, BodyRecord.INERTIA), skeleton.read(i, BodyRecord.INERTIA + 1),
                skeleton.read(i, BodyRecord.INERTIA + 2), skeleton.read(i, BodyRecord.INERTIA + 3),
                skeleton.read(i, BodyRecord.INERTIA + 4), skeleton.read(i, BodyRecord.INERTIA + 5));
    }

    public void setInertia(Inertia inertia) {
        checkAlive();
        skeleton.writeInertia(index, Objects.requireNonNull(inertia, "inertia"));
    }

    /** Replaces the joint's per-dof damping (same count as dofs). */
    public void setDamping(double... damping) {
        checkAlive();
        joint = joint.withDamping(damping);
        skeleton.writeJointDofProperties(index, joint);
    }

    /** Replaces the joint's springs: stiffness and rest position per dof. */
    public void setSpring(double[] stiffness, double[] restPosition) {
        checkAlive();
        joint = joint.withSpring(stiffness, restPosition);
        skeleton.writeJointDofProperties(index, joint);
    }

    public List<CollisionShape> collisionShapes() {
        return List.copyOf(shapes);
    }

    public BodyNode addCollisionShape(CollisionShape shape) {
        shapes.add(Objects.requireNonNull(shape, "shape"));
        return this;
    }

    /**
     * The world transform of the body frame after the last kinematics update (computed now if
     * positions changed). Allocates; hot paths use {@link Skeleton#worldTransform(int, double[], int)}.
     */
    public Isometry3 worldTransform() {
        checkAlive();
        double[] t = new double[12];
        skeleton.worldTransform(index, t, 0);
        return Isometry3.fromFlat(t, 0);
    }

    /** Sets the external force on this body, world frame, acting at {@code point} (world, m). */
    public void setExternalForce(Vec3 force, Vec3 point) {
        checkAlive();
        skeleton.setExternalForce(index, force.x(), force.y(), force.z(), point.x(), point.y(), point.z());
    }

    void checkAlive() {
        if (index < 0) {
            throw new IllegalStateException("body '" + name + "' was removed from skeleton '" + skeleton.name() + "'");
        }
    }

    @Override
    public String toString() {
        return "BodyNode '" + name + "' (" + joint + ")";
    }
}
