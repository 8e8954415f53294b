package org.worldbench.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;
import org.worldbench.memory.MemoryAllocator;

/**
 * A tree of {@link BodyNode}s, each hanging from its parent (or the world) by a joint, with its
 * generalized state: positions q, velocities dq, accelerations ddq and forces τ, each of length
 * {@link #dofCount()} in DART's order (body order, then the joint's own dof order).
 *
 * <p>Model and data: the tree and the per-body properties change only through {@link #addBody},
 * {@link #removeBody} and property setters; the algorithms ({@link Kinematics}, {@link MassMatrix},
 * {@link InverseDynamics}, {@link ForwardDynamics}, {@link Energy}, {@link Jacobians},
 * {@link Integrator}) read them and write only preallocated results, so a step allocates nothing.
 * Per-body numbers live in one {@link BodyNodePool} block; the generalized vectors and the
 * mass matrix are Java arrays owned by the skeleton.
 *
 * <p>Cached kinematics are recomputed lazily: setting positions invalidates transforms, setting
 * velocities invalidates spatial velocities.
 *
 * <p>Not thread-safe: one thread at a time.
 */
public final class Skeleton implements AutoCloseable {

    private final String name;
    private final BodyNodePool pool;
    private final List<BodyNode> bodies = new ArrayList<>();
    private final Map<String, BodyNode> bodiesByName = new HashMap<>();
    private final Map<String, BodyNode> bodiesByJointName = new HashMap<>();

    // ---- topology, rebuilt on structural change (read by the algorithms) ----
    /** Parent body index per body, -1 for the world. */
    int[] parent = new int[0];
    /** {@link JointType} code per body. */
    int[] jointCode = new int[0];
    /** First dof per body. */
    int[] dofStart = new int[0];
    /** Dofs per body. */
    int[] dofCount = new int[0];
    /** Record offset (doubles) per body in the pool block. */
    int[] offset = new int[0];
    /** True where the joint's child offset is the identity (its multiplication is skipped). */
    boolean[] childOffsetIdentity = new boolean[0];
    /**
     * One body on a free joint without a child offset (a contact scene's cube): S is the identity,
     * so forward dynamics, the mass matrix and the world Jacobian have the closed forms of
     * {@link FreeBody}.
     */
    boolean freeBody;
    int bodyCount;
    int dofs;
    /** The pool block (changes when the pool moves). */
    StateBlock block;

    // ---- generalized state, length dofs ----
    /** Generalized positions (rad, m; rotation vectors for ball and free joints). */
    double[] q = new double[0];
    /** Generalized velocities. */
    double[] dq = new double[0];
    /** Generalized accelerations (forward dynamics writes them). */
    double[] ddq = new double[0];
    /** Generalized forces τ (joint torques, N·m or N). */
    double[] tau = new double[0];
    /** Velocity change from the last {@link ForwardDynamics#impulse} call. */
    double[] velocityChange = new double[0];
    /** Joint-space mass matrix, dofs × dofs row-major (kg·m², kg·m, kg). */
    double[] massMatrix = new double[0];
    /** Scratch: the world-frame motion subspaces of all dofs, 6 per dof (CRBA gathers them here). */
    double[] subspaceScratch = new double[0];
    /**
     * Scratch of {@link ForwardDynamics}, {@link ForwardDynamics#WORKSPACE_STRIDE} doubles per body:
     * the articulated inertia (6×6, world, about the world origin), the articulated bias force and a
     * copy of the velocity-product acceleration. Only valid while one call runs.
     */
    double[] articulated = new double[0];
    /** Scratch for the algorithms (small matrices, 6-vectors). */
    final double[] scratch = new double[256];

    /** Gravity in the world frame, m/s². */
    double gravityX = 0;
    double gravityY = 0;
    double gravityZ = -9.81;
    /** Step h used by the semi-implicit joint damping and springs in forward dynamics, s. */
    double timeStep = 0.001;

    boolean positionsValid;
    boolean framesValid;
    boolean velocitiesValid;
    private boolean closed;
    /** Name of the World this skeleton belongs to, null when standalone. */
    private String world;

    /** A skeleton whose per-body state lives off-heap, from the default allocator. */
    public Skeleton(String name) {
        this(name, StateStorage.OFF_HEAP);
    }

    public Skeleton(String name, StateStorage storage) {
        this(name, storage, MemoryAllocator.defaultAllocator());
    }

    public Skeleton(String name, StateStorage storage, MemoryAllocator baseAllocator) {
        this.name = Objects.requireNonNull(name, "name");
        this.pool = new BodyNodePool(storage, baseAllocator);
    }

    public String name() {
        return name;
    }

    public StateStorage storage() {
        return pool.storage();
    }

    /** The pool that holds the per-body records (for metrics and tests). */
    public BodyNodePool pool() {
        return pool;
    }

    /**
     * Borrows another base allocator: the pool block moves there (records copied, old block freed).
     * A World calls this when the skeleton joins it.
     */
    public void setBaseAllocator(MemoryAllocator allocator) {
        relocate(pool.storage(), allocator);
    }

    /**
     * Moves the pool block to another storage and allocator (records copied, old block freed): a
     * World does this when the skeleton joins it (its allocation configuration decides where the
     * block lives) and again when the skeleton leaves. The state and every result are unchanged;
     * only where the numbers are kept changes.
     */
    public void relocate(StateStorage storage, MemoryAllocator allocator) {
        checkOpen();
        pool.moveTo(storage, allocator);
        block = pool.block();
    }

    // ------------------------------------------------------------------ world membership

    /**
     * Records that the skeleton now belongs to the World named {@code worldName}. A skeleton
     * belongs to at most one World: its pool block lives in that World's memory.
     *
     * @throws IllegalStateException if it already belongs to a World, naming both
     */
    public void joinWorld(String worldName) {
        checkOpen();
        Objects.requireNonNull(worldName, "world name");
        if (world != null) {
            throw new IllegalStateException("skeleton '" + name + "' already belongs to " + world
                    + "; remove it there before adding it to " + worldName);
        }
        world = worldName;
    }

    /** Records that the skeleton left its World (the World calls this when it removes the skeleton). */
    public void leaveWorld() {
        world = null;
    }

    /** The name of the World this skeleton belongs to, or null when it stands alone. */
    public String world() {
        return world;
    }

    public MemoryAllocator baseAllocator() {
        return pool.allocator();
    }

    // ------------------------------------------------------------------ structure

    /**
     * Adds a body hanging from {@code parentBody} (null: from the world) by {@code joint}.
     *
     * @throws IllegalArgumentException if a body or joint of that name exists, or the parent is not
     *                                  a body of this skeleton
     */
    public BodyNode addBody(BodyNode parentBody, JointSpec joint, String bodyName, Inertia inertia) {
        checkOpen();
        Objects.requireNonNull(joint, "joint");
        Objects.requireNonNull(bodyName, "body name");
        Objects.requireNonNull(inertia, "inertia");
        if (bodiesByName.containsKey(bodyName)) {
            throw new IllegalArgumentException("skeleton '" + name + "' already has a body named '" + bodyName + "'");
        }
        if (bodiesByJointName.containsKey(joint.name())) {
            throw new IllegalArgumentException("skeleton '" + name + "' already has a joint named '" + joint.name() + "'");
        }
        if (parentBody != null) {
            parentBody.checkAlive();
            if (parentBody.skeleton() != this) {
                throw new IllegalArgumentException("parent body '" + parentBody.name() + "' belongs to skeleton '"
                        + parentBody.skeleton().name() + "', not '" + name + "'");
            }
        }
        BodyNode body = new BodyNode(this, bodyName, joint, parentBody);
        body.index = bodies.size();
        List<BodyNode> next = new ArrayList<>(bodies);
        next.add(body);
        int[] oldIndex = new int[next.size()];
        for (int i = 0; i < bodies.size(); i++) {
            oldIndex[i] = i;
        }
        oldIndex[next.size() - 1] = -1;
        restructure(next, oldIndex);
        bodiesByName.put(bodyName, body);
        bodiesByJointName.put(joint.name(), body);
        writeInertia(body.index, inertia);
        writeJoint(body.index, joint);
        return body;
    }

    /** Removes {@code body} and every body below it; their handles become invalid. */
    public void removeBody(BodyNode body) {
        checkOpen();
        body.checkAlive();
        if (body.skeleton() != this) {
            throw new IllegalArgumentException("body '" + body.name() + "' is not in skeleton '" + name + "'");
        }
        boolean[] removed = new boolean[bodies.size()];
        removed[body.index] = true;
        for (int i = body.index + 1; i < bodies.size(); i++) {
            BodyNode p = bodies.get(i).parent;
            removed[i] = p != null && removed[p.index];
        }
        List<BodyNode> next = new ArrayList<>();
        List<Integer> old = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            BodyNode b = bodies.get(i);
            if (removed[i]) {
                bodiesByName.remove(b.name());
                bodiesByJointName.remove(b.joint().name());
            } else {
                next.add(b);
                old.add(i);
            }
        }
        int[] oldIndex = old.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < removed.length; i++) {
            if (removed[i]) {
                bodies.get(i).index = -1;
            }
        }
        restructure(next, oldIndex);
    }

    /** Rebuilds the topology arrays, the pool layout and the generalized vectors. */
    private void restructure(List<BodyNode> next, int[] oldIndex) {
        int n = next.size();
        int[] newDofCount = new int[n];
        int[] newDofStart = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            newDofCount[i] = next.get(i).joint().dofs();
            newDofStart[i] = total;
            total += newDofCount[i];
        }
        pool.relayout(newDofCount, oldIndex);
        double[][] oldVectors = {q, dq, ddq, tau};
        double[][] newVectors = new double[4][total];
        for (int i = 0; i < n; i++) {
            int old = oldIndex[i];
            if (old >= 0) {
                for (int v = 0; v < 4; v++) {
                    System.arraycopy(oldVectors[v], dofStart[old], newVectors[v], newDofStart[i], newDofCount[i]);
                }
            }
        }
        bodies.clear();
        bodies.addAll(next);
        int[] newParent = new int[n];
        int[] newCode = new int[n];
        int[] newOffset = new int[n];
        boolean[] identity = new boolean[n];
        for (int i = 0; i < n; i++) {
            BodyNode b = next.get(i);
            b.index = i;
            newParent[i] = b.parent == null ? -1 : b.parent.index;
            newCode[i] = b.joint().type().code();
            newOffset[i] = pool.offset(i);
            identity[i] = b.joint().childToJoint().isIdentity();
        }
        parent = newParent;
        jointCode = newCode;
        dofStart = newDofStart;
        dofCount = newDofCount;
        offset = newOffset;
        childOffsetIdentity = identity;
        freeBody = n == 1 && newCode[0] == JointType.FREE_CODE && identity[0];
        bodyCount = n;
        dofs = total;
        q = newVectors[0];
        dq = newVectors[1];
        ddq = newVectors[2];
        tau = newVectors[3];
        velocityChange = new double[total];
        massMatrix = new double[total * total];
        subspaceScratch = new double[6 * total];
        articulated = new double[ForwardDynamics.WORKSPACE_STRIDE * n];
        block = pool.block();
        invalidatePositions();
    }

    void writeInertia(int i, Inertia inertia) {
        int o = offset[i];
        block.set(o + BodyRecord.MASS, inertia.mass());
        block.set(o + BodyRecord.COM, inertia.com().x());
        block.set(o + BodyRecord.COM + 1, inertia.com().y());
        block.set(o + BodyRecord.COM + 2, inertia.com().z());
        block.set(o + BodyRecord.INERTIA, inertia.ixx());
        block.set(o + BodyRecord.INERTIA + 1, inertia.iyy());
        block.set(o + BodyRecord.INERTIA + 2, inertia.izz());
        block.set(o + BodyRecord.INERTIA + 3, inertia.ixy());
        block.set(o + BodyRecord.INERTIA + 4, inertia.ixz());
        block.set(o + BodyRecord.INERTIA + 5, inertia.iyz());
        invalidatePositions();
    }

    /** Writes the joint's offsets, axis, motion subspace (body frame) and per-dof properties. */
    private void writeJoint(int i, JointSpec joint) {
        int o = offset[i];
        double[] t = new double[12];
        joint.parentToJoint().copyTo(t, 0);
        for (int k = 0; k < 12; k++) {
            block.set(o + BodyRecord.T_PJ + k, t[k]);
        }
        Isometry3 childToJoint = joint.childToJoint();
        childToJoint.inverse().copyTo(t, 0);
        for (int k = 0; k < 12; k++) {
            block.set(o + BodyRecord.T_CJ_INV + k, t[k]);
        }
        Vec3 axis = joint.axis() == null ? Vec3.ZERO : joint.axis();
        block.set(o + BodyRecord.AXIS, axis.x());
        block.set(o + BodyRecord.AXIS + 1, axis.y());
        block.set(o + BodyRecord.AXIS + 2, axis.z());
        // S = Ad_{T_child_to_joint} · S_joint: columns [R w; R v + p × (R w)]
        int nd = joint.dofs();
        int s = o + BodyRecord.s(nd);
        for (int k = 0; k < nd; k++) {
            double[] col = jointSubspaceColumn(joint, k);
            Vec3 w = childToJoint.rotate(new Vec3(col[0], col[1], col[2]));
            Vec3 v = childToJoint.rotate(new Vec3(col[3], col[4], col[5]));
            Vec3 p = childToJoint.translation();
            block.set(s + 6 * k, w.x());
            block.set(s + 6 * k + 1, w.y());
            block.set(s + 6 * k + 2, w.z());
            block.set(s + 6 * k + 3, v.x() + p.y() * w.z() - p.z() * w.y());
            block.set(s + 6 * k + 4, v.y() + p.z() * w.x() - p.x() * w.z());
            block.set(s + 6 * k + 5, v.z() + p.x() * w.y() - p.y() * w.x());
        }
        writeJointDofProperties(i, joint);
    }

    void writeJointDofProperties(int i, JointSpec joint) {
        int o = offset[i];
        int nd = joint.dofs();
        double[] d = joint.damping();
        double[] k = joint.springStiffness();
        double[] rest = joint.restPosition();
        for (int j = 0; j < nd; j++) {
            block.set(o + BodyRecord.damping(nd) + j, d[j]);
            block.set(o + BodyRecord.stiffness(nd) + j, k[j]);
            block.set(o + BodyRecord.rest(nd) + j, rest[j]);
        }
    }

    /** Column k of the joint's motion subspace in the joint frame, [angular; linear]. */
    private static double[] jointSubspaceColumn(JointSpec joint, int k) {
        double[] col = new double[6];
        switch (joint.type()) {
            case REVOLUTE -> {
                col[0] = joint.axis().x();
                col[1] = joint.axis().y();
                col[2] = joint.axis().z();
            }
            case PRISMATIC -> {
                col[3] = joint.axis().x();
                col[4] = joint.axis().y();
                col[5] = joint.axis().z();
            }
            case BALL -> col[k] = 1;
            case FREE -> col[k] = 1;
            case WELD -> throw new IllegalStateException("a weld joint has no dofs");
        }
        return col;
    }

    double read(int body, int field) {
        return block.get(offset[body] + field);
    }

    // ------------------------------------------------------------------ queries

    public int bodyCount() {
        return bodyCount;
    }

    public int dofCount() {
        return dofs;
    }

    public BodyNode body(int index) {
        return bodies.get(index);
    }

    /** The body of that name, or an exception naming it. */
    public BodyNode body(String bodyName) {
        BodyNode b = bodiesByName.get(bodyName);
        if (b == null) {
            throw new IllegalArgumentException("skeleton '" + name + "' has no body named '" + bodyName + "'");
        }
        return b;
    }

    /** The body whose parent joint has that name, or an exception naming it. */
    public BodyNode bodyByJoint(String jointName) {
        BodyNode b = bodiesByJointName.get(jointName);
        if (b == null) {
            throw new IllegalArgumentException("skeleton '" + name + "' has no joint named '" + jointName + "'");
        }
        return b;
    }

    public boolean hasBody(String bodyName) {
        return bodiesByName.containsKey(bodyName);
    }

    public List<BodyNode> bodies() {
        return Collections.unmodifiableList(bodies);
    }

    /** Dof names in generalized-coordinate order (DART's names, see {@link JointSpec#dofNames()}). */
    public List<String> dofNames() {
        List<String> names = new ArrayList<>(dofs);
        for (BodyNode b : bodies) {
            names.addAll(b.joint().dofNames());
        }
        return names;
    }

    /** Sum of the body masses, kg. */
    public double totalMass() {
        double m = 0;
        for (int i = 0; i < bodyCount; i++) {
            m += read(i, BodyRecord.MASS);
        }
        return m;
    }

    // ------------------------------------------------------------------ state

    public void setPositions(double[] values) {
        copyIn("positions", values, q);
        invalidatePositions();
    }

    public void setPosition(int dof, double value) {
        checkFinite("position", dof, value);
        q[dof] = value;
        invalidatePositions();
    }

    public void setVelocities(double[] values) {
        copyIn("velocities", values, dq);
        velocitiesValid = false;
    }

    public void setVelocity(int dof, double value) {
        checkFinite("velocity", dof, value);
        dq[dof] = value;
        velocitiesValid = false;
    }

    public void setAccelerations(double[] values) {
        copyIn("accelerations", values, ddq);
    }

    /** Generalized forces τ used by forward dynamics. */
    public void setForces(double[] values) {
        copyIn("forces", values, tau);
    }

    public void setForce(int dof, double value) {
        checkFinite("force", dof, value);
        tau[dof] = value;
    }

    public double position(int dof) {
        return q[dof];
    }

    public double velocity(int dof) {
        return dq[dof];
    }

    public double acceleration(int dof) {
        return ddq[dof];
    }

    public double force(int dof) {
        return tau[dof];
    }

    public double[] positions() {
        return q.clone();
    }

    public double[] velocities() {
        return dq.clone();
    }

    public double[] accelerations() {
        return ddq.clone();
    }

    public double[] forces() {
        return tau.clone();
    }

    /** Copies the accelerations into {@code out} (no allocation). */
    public void accelerations(double[] out) {
        System.arraycopy(ddq, 0, out, 0, dofs);
    }

    /** Velocity change computed by the last {@link ForwardDynamics#impulse} call. */
    public double velocityChange(int dof) {
        return velocityChange[dof];
    }

    /** M(row, col) from the last {@link MassMatrix#compute} call. */
    public double massMatrix(int row, int col) {
        return massMatrix[row * dofs + col];
    }

    /** A copy of the mass matrix from the last {@link MassMatrix#compute} call, as rows. */
    public double[][] massMatrixRows() {
        double[][] rows = new double[dofs][];
        for (int i = 0; i < dofs; i++) {
            rows[i] = Arrays.copyOfRange(massMatrix, i * dofs, (i + 1) * dofs);
        }
        return rows;
    }

    public void setGravity(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("gravity of skeleton '" + name + "' must be finite, got (" + x + ", "
                    + y + ", " + z + ")");
        }
        gravityX = x;
        gravityY = y;
        gravityZ = z;
    }

    public Vec3 gravity() {
        return new Vec3(gravityX, gravityY, gravityZ);
    }

    /** The step h of the semi-implicit damping and springs in forward dynamics (s); a World sets its dt. */
    public void setTimeStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + h);
        }
        timeStep = h;
    }

    public double timeStep() {
        return timeStep;
    }

    /**
     * Copies a whole generalized vector in after checking every value, so a rejected vector leaves
     * the state as it was.
     */
    private void copyIn(String what, double[] values, double[] target) {
        if (values.length != dofs) {
            throw new IllegalArgumentException(what + " of skeleton '" + name + "' need " + dofs + " values, got "
                    + values.length);
        }
        for (int i = 0; i < dofs; i++) {
            checkFinite(what, i, values[i]);
        }
        System.arraycopy(values, 0, target, 0, dofs);
    }

    /** NaN or an infinity would spread through every later step: refuse it where it enters. */
    private void checkFinite(String what, int dof, double value) {
        if (!Double.isFinite(value)) {
            throw nonFinite(what, dof, value);
        }
    }

    private IllegalArgumentException nonFinite(String what, int dof, double value) {
        String dofName = dof >= 0 && dof < dofs ? " (dof '" + dofNames().get(dof) + "')" : "";
        return new IllegalArgumentException(what + "[" + dof + "]" + dofName + " of skeleton '" + name
                + "' must be finite, got " + value);
    }

    void invalidatePositions() {
        positionsValid = false;
        framesValid = false;
        velocitiesValid = false;
    }

    /** Writes body {@code body}'s world transform (R row-major, p) into {@code out} at {@code off}. */
    public void worldTransform(int body, double[] out, int off) {
        Kinematics.updatePositions(this);
        block.read(offset[body] + BodyRecord.TW, out, off, 12); // one bulk copy: collision reads every shape's pose per step
    }

    /** Entry k (0..11: R row-major, then p) of body {@code body}'s world transform. */
    public double worldTransformEntry(int body, int k) {
        Kinematics.updatePositions(this);
        return block.get(offset[body] + BodyRecord.TW + k);
    }

    // ------------------------------------------------------------------ external forces

    /**
     * Sets the external force on a body: {@code f} (N, world frame) applied at the world point
     * {@code p} (m). Stored as a spatial force about the world origin; forward dynamics uses it
     * until {@link #clearExternalForces()}.
     */
    public void setExternalForce(int body, double fx, double fy, double fz, double px, double py, double pz) {
        if (!(Double.isFinite(fx) && Double.isFinite(fy) && Double.isFinite(fz) && Double.isFinite(px)
                && Double.isFinite(py) && Double.isFinite(pz))) {
            throw new IllegalArgumentException("external force on body '" + bodies.get(body).name() + "' of skeleton '"
                    + name + "' must be finite, got force (" + fx + ", " + fy + ", " + fz + ") at (" + px + ", " + py
                    + ", " + pz + ")");
        }
        int o = offset[body] + BodyRecord.FEXT;
        block.set(o, py * fz - pz * fy);
        block.set(o + 1, pz * fx - px * fz);
        block.set(o + 2, px * fy - py * fx);
        block.set(o + 3, fx);
        block.set(o + 4, fy);
        block.set(o + 5, fz);
    }

    public void clearExternalForces() {
        for (int i = 0; i < bodyCount; i++) {
            block.fill(offset[i] + BodyRecord.FEXT, 6, 0);
        }
    }

    /**
     * Sets the constraint impulse on a body: {@code j} (N·s, world frame) at the world point
     * {@code p}; {@link ForwardDynamics#impulse} turns the impulses into a velocity change.
     */
    public void setConstraintImpulse(int body, double jx, double jy, double jz, double px, double py, double pz) {
        int o = offset[body] + BodyRecord.IMPULSE;
        block.set(o, py * jz - pz * jy);
        block.set(o + 1, pz * jx - px * jz);
        block.set(o + 2, px * jy - py * jx);
        block.set(o + 3, jx);
        block.set(o + 4, jy);
        block.set(o + 5, jz);
    }

    /**
     * Adds {@code j} (N·s, world frame) at the world point {@code p} to body {@code body}'s constraint
     * impulse, so a solver can sum the impulses of several contacts on one body before one
     * {@link ForwardDynamics#impulse} call.
     */
    public void addConstraintImpulse(int body, double jx, double jy, double jz, double px, double py, double pz) {
        int o = offset[body] + BodyRecord.IMPULSE;
        block.set(o, block.get(o) + (py * jz - pz * jy));
        block.set(o + 1, block.get(o + 1) + (pz * jx - px * jz));
        block.set(o + 2, block.get(o + 2) + (px * jy - py * jx));
        block.set(o + 3, block.get(o + 3) + jx);
        block.set(o + 4, block.get(o + 4) + jy);
        block.set(o + 5, block.get(o + 5) + jz);
    }

    public void clearConstraintImpulses() {
        for (int i = 0; i < bodyCount; i++) {
            block.fill(offset[i] + BodyRecord.IMPULSE, 6, 0);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * A deep copy: same bodies, joints, properties, shapes and generalized state, in a new pool of
     * the same storage borrowing the same base allocator.
     */
    public Skeleton cloneSkeleton(String cloneName) {
        return cloneSkeleton(cloneName, pool.storage(), pool.allocator());
    }

    /**
     * A deep copy like {@link #cloneSkeleton(String)} whose pool lives in {@code storage} from
     * {@code allocator} from the start: a World's clone builds its skeletons directly in its own
     * memory, so the copy never takes a byte from the original's allocators.
     */
    public Skeleton cloneSkeleton(String cloneName, StateStorage storage, MemoryAllocator allocator) {
        checkOpen();
        Skeleton copy = new Skeleton(cloneName, storage, allocator);
        for (BodyNode b : bodies) {
            BodyNode parentCopy = b.parent == null ? null : copy.body(b.parent.name());
            BodyNode c = copy.addBody(parentCopy, b.joint(), b.name(), b.inertia());
            b.collisionShapes().forEach(c::addCollisionShape);
        }
        copy.setPositions(q);
        copy.setVelocities(dq);
        copy.setAccelerations(ddq);
        copy.setForces(tau);
        copy.setGravity(gravityX, gravityY, gravityZ);
        copy.timeStep = timeStep;
        for (int i = 0; i < bodyCount; i++) {
            copy.block.copyFrom(block, offset[i] + BodyRecord.FEXT, copy.offset[i] + BodyRecord.FEXT, 6);
        }
        return copy;
    }

    /** Frees the pool block. The skeleton is unusable afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.release();
            block = null;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("skeleton '" + name + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "Skeleton '" + name + "' (" + bodyCount + " bodies, " + dofs + " dofs, " + pool.storage() + ")";
    }
}
