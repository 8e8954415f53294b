package org.worldbench.constraint;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.worldbench.collision.CollisionWorld;
import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.Jacobians;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/**
 * The constraint phase of a step, DART's {@code ConstraintSolver::solve} with its
 * {@code BoxedLcpConstraintSolver}: collision detection, one contact constraint per contact (a
 * normal row and two friction rows) and joint-limit constraints (where enabled), grouping into independent islands of skeletons, one boxed LCP
 * per island (Dantzig, projected Gauss–Seidel when Dantzig fails or returns non-finite values), and
 * the impulses applied as dq += M⁻¹·Jᵀ·λ (see {@link DelassusAssembler}).
 *
 * <p>Memory: every per-step array (contacts, LCP matrices and their backup, island lists, impulses)
 * lives in a {@link Workspace}; one island's Jacobian rows, mass-matrix factors and Delassus matrix
 * are solver scratch in reused Java arrays (read O(rows²) times, so kept out of bounds-checked
 * segment reads), as are Dantzig's arrays. Three ways to get a workspace:
 * <ul>
 *   <li>{@link #ConstraintSolver()}: standalone; creates its own default {@link FrameAllocator} on the
 *       first {@link #solve}, resets it at the start of each solve, closes it in {@link #close()};</li>
 *   <li>{@link #ConstraintSolver(FrameAllocator)}: borrowed; whoever owns the frame resets it (the
 *       World, at the start of each step) and closes it; this solver never does;</li>
 *   <li>{@link #heap()}: the HEAP configuration; plain Java arrays created per step.</li>
 * </ul>
 * All three run the same arithmetic in the same order, so their impulses are bit-identical. In the
 * frame modes a steady-state solve allocates nothing on the Java heap.
 *
 * <p>Contact data read through {@link #contactPoint} and friends is valid until the frame's next reset.
 * Not thread-safe: one solver per World.
 */
public final class ConstraintSolver implements AutoCloseable {

    private enum Mode { STANDALONE, BORROWED, HEAP }

    private final Mode mode;
    private FrameAllocator ownFrame;
    private Workspace ws;
    private boolean closed;

    private final List<Skeleton> skeletons = new ArrayList<>();
    private final CollisionWorld collision = new CollisionWorld();
    private final ContactBuffer contacts = new ContactBuffer();
    private final BoxedLcp lcp = new BoxedLcp();
    private final InteriorFirstLcpSolver interiorFirst = new InteriorFirstLcpSolver(new DantzigLcpSolver());
    private BoxedLcpSolver primary = interiorFirst;
    private final BoxedLcpSolver secondary = new PgsLcpSolver();

    /** Skeleton number per collision shape; rebuilt when skeletons change. */
    private int[] shapeSkeleton = new int[0];
    private boolean shapesDirty;
    /**
     * Per shape, this step's world Jacobian of its body (6 × dofs, at {@link #jacobianOffset}) and
     * the body origin (3 more): positions do not change during the constraint phase, so each body's
     * Jacobian is computed once per solve, not once per contact (a resting cube has four or more).
     */
    private double[] jacobians = new double[0];
    private int[] jacobianOffset = new int[0];
    /** The {@link #solveCount} at which a shape's Jacobian was computed (0: never). */
    private int[] jacobianSolve = new int[0];
    private int solveCount;
    /** One contact's three b values and findex values, before their bulk copies. */
    private final double[] rowStage = new double[3];
    private final double[] findexStage = new double[3];
    /** One contact's fields, read from the workspace in one bulk copy. */
    private final double[] contactFields = new double[ContactBuffer.STRIDE];
    /** One body's world Jacobian as {@link Jacobians#world} writes it: 6 × max dofs. */
    private double[] jacobianScratch = new double[6];
    /** The island's Delassus matrix and impulse application (solver scratch). */
    private final DelassusAssembler delassus = new DelassusAssembler();
    /** The island's LCP solution, copied out of the workspace once (rows). */
    private double[] solution = new double[0];

    /** Skeletons whose revolute and prismatic joint limits are enforced (DART: off by default). */
    private final Map<Skeleton, Boolean> limitsEnforced = new IdentityHashMap<>();
    /** Per skeleton number: lower and upper limit per dof (null: not enforced), rebuilt with the shape table. */
    private double[][] lowerLimits = new double[0][];
    private double[][] upperLimits = new double[0][];
    /** This step's joint-limit rows: skeleton, dof, sign (+1 lower, −1 upper), violation (m). */
    private long limitRows;
    private int limitCount;

    private int lastContactCount;
    private long impulses;
    private int fallbacks;
    private int lcpCount;

    /** Standalone: creates its own default frame allocator lazily on the first solve, and closes it. */
    public ConstraintSolver() {
        this.mode = Mode.STANDALONE;
    }

    /** Borrowed: per-step data in {@code frame}, which the caller resets every step and closes. */
    public ConstraintSolver(FrameAllocator frame) {
        this.mode = Mode.BORROWED;
        this.ws = new FrameWorkspace(java.util.Objects.requireNonNull(frame, "frame"), false);
    }

    private ConstraintSolver(Mode mode) {
        this.mode = mode;
        this.ws = new HeapWorkspace();
    }

    /** HEAP configuration: temporaries are Java arrays created per step. */
    public static ConstraintSolver heap() {
        return new ConstraintSolver(Mode.HEAP);
    }

    public void addSkeleton(Skeleton s) {
        checkOpen();
        java.util.Objects.requireNonNull(s, "skeleton");
        if (skeletons.contains(s)) {
            throw new IllegalArgumentException("skeleton '" + s.name() + "' is already in this constraint solver");
        }
        collision.addSkeleton(s);
        skeletons.add(s);
        shapesDirty = true;
    }

    public void removeSkeleton(Skeleton s) {
        checkOpen();
        if (!skeletons.remove(s)) {
            throw new IllegalArgumentException("skeleton '" + s.name() + "' is not in this constraint solver");
        }
        collision.removeSkeleton(s);
        limitsEnforced.remove(s);
        shapesDirty = true;
    }

    /**
     * Enforces (or stops enforcing) the position limits of {@code s}'s revolute and prismatic joints,
     * DART's {@code Joint::setLimitEnforcement}: a dof at or beyond a limit gets a one-sided velocity
     * row (DART's JointLimitConstraint defaults: ERP 0.01, at most 1e-3 m/s or rad/s, CFM 1e-9).
     */
    public void setJointLimitEnforcement(Skeleton s, boolean enforced) {
        checkOpen();
        if (!skeletons.contains(s)) {
            throw new IllegalArgumentException("skeleton '" + s.name() + "' is not in this constraint solver");
        }
        limitsEnforced.put(s, enforced);
        shapesDirty = true;
    }

    /** The collision shapes and detection this solver runs (to choose the broad phase, or inspect shapes). */
    public CollisionWorld collision() {
        return collision;
    }

    /**
     * The constraint phase of one step of {@code timeStep} s, after velocity integration: detect
     * contacts, build and solve one LCP per island, change the skeletons' velocities.
     */
    public void solve(double timeStep) {
        checkOpen();
        if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + timeStep);
        }
        Workspace w = workspace();
        w.reset();
        if (shapesDirty) {
            rebuildShapeTable();
        }
        if (++solveCount == 0) {
            solveCount = 1; // 0 marks "never computed"
        }
        int pairs = collision.findPairs();
        contacts.begin(w, Math.min(ContactParameters.MAX_CONTACTS, 4 * pairs));
        collision.narrowPhase(contacts);
        int m = contacts.count();
        lastContactCount = m;
        impulses = m == 0 ? 0 : w.alloc(3 * m);
        lcpCount = 0;
        findLimitRows(w);
        if (m == 0 && limitCount == 0) {
            return;
        }
        Islands islands = this.islands;
        islands.build(w, this, m, limitCount);
        for (int k = 0; k < islands.count; k++) {
            solveIsland(w, islands, k, timeStep);
        }
    }

    private final Islands islands = new Islands();

    // ------------------------------------------------------------------ one island

    private void solveIsland(Workspace w, Islands isl, int island, double dt) {
        int start = w.getInt(isl.starts + island);
        int end = w.getInt(isl.starts + island + 1);
        int mk = 0;
        while (start + mk < end && w.getInt(isl.order + start + mk) < lastContactCount) {
            mk++;
        }
        int lk = end - start - mk;
        int rows = 3 * mk + lk;
        lcp.allocate(w, rows);
        delassus.begin(rows, skeletons.size());
        for (int t = 0; t < mk; t++) {
            int c = w.getInt(isl.order + start + t);
            buildContactRows(w, c, t, dt);
        }
        for (int j = 0; j < lk; j++) {
            buildLimitRow(w, w.getInt(isl.order + start + mk + j) - lastContactCount, 3 * mk + j, dt);
        }
        delassus.assemble(skeletons);
        double[] a = delassus.matrix();
        for (int r = 0; r < rows; r++) {
            int d = r * rows + r;
            double cfm = r < 3 * mk ? ContactParameters.CONSTRAINT_FORCE_MIXING : JOINT_LIMIT_CFM;
            a[d] += a[d] * cfm;
        }
        w.copyIn(a, 0, lcp.a, rows * rows);
        if (solution.length < rows) {
            solution = new double[Math.max(rows, 2 * solution.length)];
        }
        solveLcp(w);
        for (int t = 0; t < mk; t++) {
            int c = w.getInt(isl.order + start + t);
            w.copyIn(solution, 3 * t, impulses + 3L * c, 3);
        }
        delassus.applyImpulses(skeletons, solution);
    }

    /**
     * Contact c as island rows 3t (normal), 3t+1 and 3t+2 (friction): b, bounds and findex in the LCP,
     * one Jacobian entry per row and mobile side in the Delassus assembler.
     */
    private void buildContactRows(Workspace w, int c, int t, double dt) {
        double[] f = contactFields;
        contacts.read(c, f);
        double px = f[0], py = f[1], pz = f[2];
        double nx = f[3], ny = f[4], nz = f[5];
        double depth = f[6];
        int shapeA = (int) f[7];
        int shapeB = (int) f[8];
        // friction directions: DART's getTangentBasisMatrixODE (n × z, else n × x, else n × y)
        double tx = ny, ty = -nx, tz = 0;
        if (tx * tx + ty * ty + tz * tz < ContactParameters.EPSILON_SQUARED) {
            tx = 0;
            ty = nz;
            tz = -ny;
            if (tx * tx + ty * ty + tz * tz < ContactParameters.EPSILON_SQUARED) {
                tx = -nz;
                ty = 0;
                tz = nx;
            }
        }
        double inv = 1.0 / Math.sqrt(tx * tx + ty * ty + tz * tz);
        tx *= inv;
        ty *= inv;
        tz *= inv;
        double sx = ny * tz - nz * ty, sy = nz * tx - nx * tz, sz = nx * ty - ny * tx;

        int r0 = 3 * t;
        double relNormal = 0;
        // b, lo, hi and findex of the three rows, staged here and written with one bulk copy each
        double[] rowB = rowStage;
        rowB[0] = 0;
        rowB[1] = 0;
        rowB[2] = 0;
        for (int side = 0; side < 2; side++) {
            int shape = side == 0 ? shapeA : shapeB;
            Skeleton s = collision.skeletonOf(shape);
            int dofs = s.dofCount();
            if (dofs == 0) {
                continue;
            }
            int skeleton = shapeSkeleton[shape];
            int g0 = delassus.addEntry(r0, skeleton, dofs);
            int g1 = delassus.addEntry(r0 + 1, skeleton, dofs);
            int g2 = delassus.addEntry(r0 + 2, skeleton, dofs);
            double[] g = delassus.values();
            pointJacobianRows(s, shape, px, py, pz, side == 0 ? 1.0 : -1.0,
                    nx, ny, nz, tx, ty, tz, sx, sy, sz, g, g0, g1, g2, dofs);
            for (int k = 0; k < 3; k++) {
                int gk = k == 0 ? g0 : k == 1 ? g1 : g2;
                double v = 0;
                for (int q = 0; q < dofs; q++) {
                    v += g[gk + q] * s.velocity(q);
                }
                rowB[k] += -v;
                if (k == 0) {
                    relNormal += v;
                }
            }
        }
        // bounds: normal impulse ≥ 0, friction within ±μ·normal impulse
        w.copyIn(CONTACT_LO, 0, lcp.lo + r0, 3);
        w.copyIn(CONTACT_HI, 0, lcp.hi + r0, 3);
        double[] rowF = findexStage;
        rowF[0] = -1;
        rowF[1] = r0;
        rowF[2] = r0;
        w.copyIn(rowF, 0, lcp.findex + r0, 3);
        // target separating velocity: error reduction, or restitution when larger
        double bounce = depth - ContactParameters.ERROR_ALLOWANCE;
        if (bounce < 0) {
            bounce = 0;
        } else {
            bounce *= ContactParameters.ERROR_REDUCTION_PARAMETER / dt;
            if (bounce > ContactParameters.MAX_ERROR_REDUCTION_VELOCITY) {
                bounce = ContactParameters.MAX_ERROR_REDUCTION_VELOCITY;
            }
        }
        double restitution = -relNormal * ContactParameters.RESTITUTION_COEFFICIENT;
        if (restitution > ContactParameters.BOUNCING_VELOCITY_THRESHOLD && restitution > bounce) {
            bounce = Math.min(restitution, ContactParameters.MAX_BOUNCING_VELOCITY);
        }
        rowB[0] += bounce;
        w.copyIn(rowB, 0, lcp.b + r0, 3);
    }

    /** A contact's lower and upper bounds: normal row, then the two friction rows (× the normal impulse). */
    private static final double[] CONTACT_LO = {0, -ContactParameters.FRICTION_COEFFICIENT,
            -ContactParameters.FRICTION_COEFFICIENT};
    private static final double[] CONTACT_HI = {Double.POSITIVE_INFINITY, ContactParameters.FRICTION_COEFFICIENT,
            ContactParameters.FRICTION_COEFFICIENT};

    /**
     * g_k = sign·d_kᵀ·(J_v + J_ω × (p − o)) for the normal n and friction directions t and s: the
     * rows mapping the skeleton's dq to the velocity of the body point p along ±d_k, written to
     * g[g0..], g[g1..] and g[g2..].
     */
    private void pointJacobianRows(Skeleton s, int shape, double px, double py, double pz, double sign,
                                   double nx, double ny, double nz, double tx, double ty, double tz,
                                   double sx, double sy, double sz, double[] g, int g0, int g1, int g2, int dofs) {
        int j = bodyJacobian(s, shape, dofs);
        double[] jac = jacobians;
        double rx = px - jac[j + 6 * dofs];
        double ry = py - jac[j + 6 * dofs + 1];
        double rz = pz - jac[j + 6 * dofs + 2];
        jacobianRow(jac, j, sign * nx, sign * ny, sign * nz, rx, ry, rz, g, g0, dofs);
        jacobianRow(jac, j, sign * tx, sign * ty, sign * tz, rx, ry, rz, g, g1, dofs);
        jacobianRow(jac, j, sign * sx, sign * sy, sign * sz, rx, ry, rz, g, g2, dofs);
    }

    /** Where {@code shape}'s body Jacobian and origin start in {@link #jacobians}, computed on the first use this solve. */
    private int bodyJacobian(Skeleton s, int shape, int dofs) {
        int j = jacobianOffset[shape];
        if (jacobianSolve[shape] != solveCount) {
            int body = collision.bodyOf(shape);
            Jacobians.world(s, body, jacobianScratch);
            System.arraycopy(jacobianScratch, 0, jacobians, j, 6 * dofs);
            for (int k = 0; k < 3; k++) {
                jacobians[j + 6 * dofs + k] = s.worldTransformEntry(body, 9 + k);
            }
            jacobianSolve[shape] = solveCount;
        }
        return j;
    }

    /** g[at..at+dofs) = ω·(r × d) + v·d per dof, from the body's world Jacobian at {@code jac[j..]}. */
    private static void jacobianRow(double[] jac, int j, double dx, double dy, double dz, double rx, double ry,
                                    double rz, double[] g, int at, int dofs) {
        double cx = ry * dz - rz * dy, cy = rz * dx - rx * dz, cz = rx * dy - ry * dx;
        if (dofs == 6) { // one free body (every contact cube): a constant count the JIT unrolls, same arithmetic
            for (int q = 0; q < 6; q++) {
                g[at + q] = jac[j + q] * cx + jac[j + 6 + q] * cy + jac[j + 12 + q] * cz
                        + jac[j + 18 + q] * dx + jac[j + 24 + q] * dy + jac[j + 30 + q] * dz;
            }
            return;
        }
        for (int q = 0; q < dofs; q++) {
            g[at + q] = jac[j + q] * cx + jac[j + dofs + q] * cy + jac[j + 2 * dofs + q] * cz
                    + jac[j + 3 * dofs + q] * dx + jac[j + 4 * dofs + q] * dy + jac[j + 5 * dofs + q] * dz;
        }
    }

    /**
     * Dantzig first; PGS on the untouched problem if Dantzig fails or gives a non-finite x. The x
     * taken ends up in the workspace and in {@link #solution}.
     */
    private void solveLcp(Workspace w) {
        lcpCount++;
        // a solver writes only x, lo and hi (BoxedLcpSolver's contract), so the backup for the
        // fallback is the adjacent x, b, lo, hi (4n doubles), not A (n²)
        int saved = 4 * lcp.n;
        long backup = w.alloc(saved);
        w.copy(lcp.x, backup, saved);
        if (solveAndCheck(w, primary)) {
            return;
        }
        fallbacks++;
        w.copy(backup, lcp.x, saved);
        if (!solveAndCheck(w, secondary)) {
            // as DART: no impulse when both solvers fail
            java.util.Arrays.fill(solution, 0, lcp.n, 0.0);
            w.copyIn(solution, 0, lcp.x, lcp.n);
        }
    }

    /** Runs {@code solver}, then copies x out to {@link #solution} (one bulk copy) to check it is finite. */
    private boolean solveAndCheck(Workspace w, BoxedLcpSolver solver) {
        if (!solver.solve(w, lcp)) {
            return false;
        }
        w.copyOut(lcp.x, solution, 0, lcp.n);
        for (int i = 0; i < lcp.n; i++) {
            if (!Double.isFinite(solution[i])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ joint limits

    /** DART's JointLimitConstraint defaults. */
    static final double JOINT_LIMIT_ERP = 0.01;
    static final double JOINT_LIMIT_MAX_ERV = 1e-3;
    static final double JOINT_LIMIT_CFM = 1e-9;
    static final double JOINT_LIMIT_ERROR_ALLOWANCE = 0.0;

    /** Lists this step's dofs at or beyond an enforced limit (two passes: count, then fill). */
    private void findLimitRows(Workspace w) {
        limitCount = 0;
        for (int pass = 0; pass < 2; pass++) {
            int n = 0;
            for (int i = 0; i < skeletons.size(); i++) {
                double[] lower = lowerLimits[i];
                if (lower == null) {
                    continue;
                }
                double[] upper = upperLimits[i];
                Skeleton s = skeletons.get(i);
                for (int d = 0; d < lower.length; d++) {
                    double q = s.position(d);
                    if (q <= lower[d]) {
                        n = limitRow(w, pass, n, i, d, 1, lower[d] - q);
                    } else if (q >= upper[d]) {
                        n = limitRow(w, pass, n, i, d, -1, q - upper[d]);
                    }
                }
            }
            if (pass == 0) {
                limitCount = n;
                limitRows = n == 0 ? 0 : w.alloc(4 * n);
            }
        }
    }

    private int limitRow(Workspace w, int pass, int n, int skeleton, int dof, int sign, double violation) {
        if (pass == 1) {
            long r = limitRows + 4L * n;
            w.set(r, skeleton);
            w.set(r + 1, dof);
            w.set(r + 2, sign);
            w.set(r + 3, violation);
        }
        return n + 1;
    }

    int limitSkeleton(int item) {
        return ws.getInt(limitRows + 4L * item);
    }

    private int limitDof(int item) {
        return ws.getInt(limitRows + 4L * item + 1);
    }

    private double limitSign(int item) {
        return ws.get(limitRows + 4L * item + 2);
    }

    /** Row r for limit item: velocity sign·dq_dof ≥ target; its Jacobian is sign·e_dof on the skeleton. */
    private void buildLimitRow(Workspace w, int item, int r, double dt) {
        int skeleton = limitSkeleton(item);
        Skeleton s = skeletons.get(skeleton);
        int dof = limitDof(item);
        double sign = limitSign(item);
        double violation = ws.get(limitRows + 4L * item + 3) - JOINT_LIMIT_ERROR_ALLOWANCE;
        double target = violation > 0 ? Math.min(violation * JOINT_LIMIT_ERP / dt, JOINT_LIMIT_MAX_ERV) : 0;
        w.set(lcp.b + r, -sign * s.velocity(dof) + target);
        w.set(lcp.lo + r, 0);
        w.set(lcp.hi + r, Double.POSITIVE_INFINITY);
        int g = delassus.addEntry(r, skeleton, s.dofCount());
        double[] values = delassus.values();
        java.util.Arrays.fill(values, g, g + s.dofCount(), 0.0);
        values[g + dof] = sign;
    }

    // ------------------------------------------------------------------ bookkeeping

    private void rebuildShapeTable() {
        int n = collision.shapeCount();
        shapeSkeleton = new int[n];
        int maxDofs = 1;
        for (int i = 0; i < n; i++) {
            shapeSkeleton[i] = skeletons.indexOf(collision.skeletonOf(i));
        }
        for (Skeleton s : skeletons) {
            maxDofs = Math.max(maxDofs, s.dofCount());
        }
        jacobianScratch = new double[6 * maxDofs];
        jacobianOffset = new int[n];
        jacobianSolve = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            jacobianOffset[i] = size;
            size += 6 * collision.skeletonOf(i).dofCount() + 3;
        }
        jacobians = new double[size];
        lowerLimits = new double[skeletons.size()][];
        upperLimits = new double[skeletons.size()][];
        for (int i = 0; i < skeletons.size(); i++) {
            Skeleton s = skeletons.get(i);
            if (!limitsEnforced.getOrDefault(s, false)) {
                continue;
            }
            double[] lower = new double[s.dofCount()];
            double[] upper = new double[s.dofCount()];
            java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
            for (BodyNode b : s.bodies()) {
                JointType type = b.joint().type();
                if (type == JointType.REVOLUTE || type == JointType.PRISMATIC) {
                    lower[b.dofStart()] = b.joint().lowerLimit()[0];
                    upper[b.dofStart()] = b.joint().upperLimit()[0];
                }
            }
            lowerLimits[i] = lower;
            upperLimits[i] = upper;
        }
        shapesDirty = false;
    }

    int skeletonIndexOfShape(int shape) {
        return shapeSkeleton[shape];
    }

    int skeletonCount() {
        return skeletons.size();
    }

    boolean isMobile(int skeleton) {
        return skeletons.get(skeleton).dofCount() > 0;
    }

    ContactBuffer contacts() {
        return contacts;
    }

    private Workspace workspace() {
        if (ws == null) {
            ownFrame = Allocators.frame(MemoryAllocator.defaultAllocator(), 1 << 16, "constraint-solver-frame");
            ws = new FrameWorkspace(ownFrame, true);
        }
        return ws;
    }

    /** For tests: replaces the primary LCP solver (e.g. with one that fails, to see the fallback taken). */
    void setPrimarySolver(BoxedLcpSolver solver) {
        this.primary = solver;
    }

    // ------------------------------------------------------------------ read access

    /** Contacts found by the last {@link #solve}. */
    public int lastContactCount() {
        return lastContactCount;
    }

    /** The world point of contact k (m) into out[0..2]. */
    public void contactPoint(int k, double[] out) {
        checkContact(k);
        for (int i = 0; i < 3; i++) {
            out[i] = contacts.get(k, i);
        }
    }

    /** The unit normal of contact k (from its shape B towards its shape A) into out[0..2]. */
    public void contactNormal(int k, double[] out) {
        checkContact(k);
        for (int i = 0; i < 3; i++) {
            out[i] = contacts.get(k, 3 + i);
        }
    }

    /** The penetration depth of contact k (m). */
    public double contactDepth(int k) {
        checkContact(k);
        return contacts.get(k, 6);
    }

    /** The skeletons of contact k's shapes A (side 0) and B (side 1). */
    public Skeleton contactSkeleton(int k, int side) {
        checkContact(k);
        return collision.skeletonOf((int) contacts.get(k, 7 + side));
    }

    /** Impulse of contact k's row (0 normal, 1 and 2 friction), N·s, from the last solve. */
    public double contactImpulse(int k, int row) {
        checkContact(k);
        return ws.get(impulses + 3L * k + row);
    }

    /** LCPs solved in the last {@link #solve} (one per island). */
    public int lastLcpCount() {
        return lcpCount;
    }

    /**
     * LCPs answered by their interior solution since creation ({@link InteriorFirstLcpSolver}: every
     * row inside its box, one envelope Cholesky); the others went to Dantzig.
     */
    public long interiorSolveCount() {
        return interiorFirst.interiorSolves();
    }

    /** LCPs that went to Dantzig since creation (some row at a bound, or the interior try failed). */
    public long pivotingSolveCount() {
        return interiorFirst.pivotingSolves();
    }

    /** How often PGS had to take over from Dantzig since creation. */
    public int fallbackCount() {
        return fallbacks;
    }

    /** The frame this solver allocates from (null in HEAP mode and before a standalone solver's first solve). */
    public FrameAllocator frame() {
        return ws instanceof FrameWorkspace f ? f.frame() : null;
    }

    private void checkContact(int k) {
        if (k < 0 || k >= lastContactCount) {
            throw new IndexOutOfBoundsException("contact " + k + " of " + lastContactCount);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("constraint solver is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mode == Mode.STANDALONE && ownFrame != null) {
            ownFrame.close();
        }
    }
}
