package org.worldbench.constraint;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.worldbench.collision.CollisionWorld;
import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.Jacobians;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;

/**
 * The constraint phase of a step, DART's {@code ConstraintSolver::solve} with its
 * {@code BoxedLcpConstraintSolver}: collision detection, one contact constraint per contact (a
 * normal row and two friction rows) and joint-limit constraints (where enabled), grouping into independent islands of skeletons, one boxed LCP
 * per island (Dantzig, projected Gauss–Seidel when Dantzig fails or returns non-finite values), and
 * the impulses applied through impulse-based forward dynamics (dq += M⁻¹·Jᵀ·λ).
 *
 * <p>Memory: every per-step array (contacts, Jacobian rows, LCP matrices, island lists) lives in a
 * {@link Workspace}. Three ways to get one:
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
    private final BoxedLcp backup = new BoxedLcp();
    private BoxedLcpSolver primary = new DantzigLcpSolver();
    private final BoxedLcpSolver secondary = new PgsLcpSolver();

    /** Skeleton number per collision shape; rebuilt when skeletons change. */
    private int[] shapeSkeleton = new int[0];
    private boolean shapesDirty;
    /** World Jacobian scratch of one body: 6 × max dofs. */
    private double[] jacobian = new double[6];
    /** One column's velocity change Δdq (max dofs), see {@link #addColumn}. */
    private double[] columnDelta = new double[1];

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
        // per row: direction (3); per contact: Jacobian row addresses for A and B
        long dirs = w.alloc(3 * rows);
        long jac = w.alloc(2 * mk);
        for (int t = 0; t < mk; t++) {
            int c = w.getInt(isl.order + start + t);
            buildContactRows(w, c, t, dirs, jac, dt);
        }
        long responses = lk == 0 ? 0 : w.alloc(lk);
        for (int j = 0; j < lk; j++) {
            buildLimitRow(w, w.getInt(isl.order + start + mk + j) - lastContactCount, 3 * mk + j, responses + j, dt);
        }
        fillDelassus(w, isl, start, mk, lk, dirs, jac, responses);
        for (int r = 0; r < rows; r++) {
            long d = lcp.a + (long) r * rows + r;
            double cfm = r < 3 * mk ? ContactParameters.CONSTRAINT_FORCE_MIXING : JOINT_LIMIT_CFM;
            w.set(d, w.get(d) + w.get(d) * cfm);
        }
        solveLcp(w);
        applyImpulses(w, isl, island, start, mk, dirs);
        for (int j = 0; j < lk; j++) {
            applyLimitImpulse(w, w.getInt(isl.order + start + mk + j) - lastContactCount, w.get(lcp.x + 3 * mk + j),
                    (long) w.get(responses + j));
        }
    }

    private void buildContactRows(Workspace w, int c, int t, long dirs, long jac, double dt) {
        double px = contacts.get(c, 0), py = contacts.get(c, 1), pz = contacts.get(c, 2);
        double nx = contacts.get(c, 3), ny = contacts.get(c, 4), nz = contacts.get(c, 5);
        double depth = contacts.get(c, 6);
        int shapeA = (int) contacts.get(c, 7);
        int shapeB = (int) contacts.get(c, 8);
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
        long d = dirs + 9L * t;
        w.set(d, nx);
        w.set(d + 1, ny);
        w.set(d + 2, nz);
        w.set(d + 3, tx);
        w.set(d + 4, ty);
        w.set(d + 5, tz);
        w.set(d + 6, sx);
        w.set(d + 7, sy);
        w.set(d + 8, sz);

        int r0 = 3 * t;
        double relNormal = 0;
        for (int side = 0; side < 2; side++) {
            int shape = side == 0 ? shapeA : shapeB;
            Skeleton s = collision.skeletonOf(shape);
            int dofs = s.dofCount();
            if (dofs == 0) {
                w.set(jac + 2L * t + side, -1);
                continue;
            }
            long g = w.alloc(3 * dofs);
            w.set(jac + 2L * t + side, g);
            pointJacobianRows(w, s, collision.bodyOf(shape), px, py, pz, side == 0 ? 1.0 : -1.0, d, g, dofs);
            for (int k = 0; k < 3; k++) {
                double v = 0;
                for (int q = 0; q < dofs; q++) {
                    v += w.get(g + (long) k * dofs + q) * s.velocity(q);
                }
                w.add(lcp.b + r0 + k, -v);
                if (k == 0) {
                    relNormal += v;
                }
            }
        }
        // bounds: normal impulse ≥ 0, friction within ±μ·normal impulse
        w.set(lcp.lo + r0, 0);
        w.set(lcp.hi + r0, Double.POSITIVE_INFINITY);
        for (int k = 1; k < 3; k++) {
            w.set(lcp.lo + r0 + k, -ContactParameters.FRICTION_COEFFICIENT);
            w.set(lcp.hi + r0 + k, ContactParameters.FRICTION_COEFFICIENT);
            w.set(lcp.findex + r0 + k, r0);
        }
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
        w.add(lcp.b + r0, bounce);
    }

    /**
     * g_k = sign·d_kᵀ·(J_v + J_ω × (p − o)) for the three directions d_k: the rows mapping the
     * skeleton's dq to the velocity of the body point p along ±d_k.
     */
    private void pointJacobianRows(Workspace w, Skeleton s, int body, double px, double py, double pz,
                                   double sign, long dirs, long g, int dofs) {
        Jacobians.world(s, body, jacobian);
        double rx = px - s.worldTransformEntry(body, 9);
        double ry = py - s.worldTransformEntry(body, 10);
        double rz = pz - s.worldTransformEntry(body, 11);
        for (int k = 0; k < 3; k++) {
            double dx = sign * w.get(dirs + 3 * k), dy = sign * w.get(dirs + 3 * k + 1), dz = sign * w.get(dirs + 3 * k + 2);
            // ω·(r × d) + v·d
            double cx = ry * dz - rz * dy, cy = rz * dx - rx * dz, cz = rx * dy - ry * dx;
            for (int q = 0; q < dofs; q++) {
                double v = jacobian[q] * cx + jacobian[dofs + q] * cy + jacobian[2 * dofs + q] * cz
                        + jacobian[3 * dofs + q] * dx + jacobian[4 * dofs + q] * dy + jacobian[5 * dofs + q] * dz;
                w.set(g + (long) k * dofs + q, v);
            }
        }
    }

    /**
     * A = J·M⁻¹·Jᵀ column by column: column r is the velocity change Δdq = M⁻¹·g_rᵀ of a unit impulse
     * along row r on each mobile body of the contact, read by every row of the island on that
     * skeleton. DART gets Δdq by one impulse forward dynamics (an articulated-body pass) per column;
     * here each skeleton's mass matrix is factored once per island (M = L·Lᵀ) and each column costs
     * two triangular solves with the stored Jacobian row g_r. Same quantity, different rounding; the
     * articulated passes were a quarter of a 50-cube step.
     */
    private void fillDelassus(Workspace w, Islands isl, int start, int mk, int lk, long dirs, long jac,
                              long responses) {
        fillLimitColumns(w, isl, start, mk, lk, jac, responses);
        // per skeleton number: address + 1 of its mass matrix factor (0: not factored yet)
        long factors = w.alloc(skeletons.size());
        double[] delta = columnDelta;
        for (int t = 0; t < mk; t++) {
            int c = w.getInt(isl.order + start + t);
            for (int side = 0; side < 2; side++) {
                long g = (long) w.get(jac + 2L * t + side);
                if (g < 0) {
                    continue;
                }
                int shape = (int) contacts.get(c, 7 + side);
                int skeleton = shapeSkeleton[shape];
                Skeleton s = skeletons.get(skeleton);
                int dofs = s.dofCount();
                long l = (long) w.get(factors + skeleton) - 1;
                if (l < 0) {
                    l = factorMassMatrix(w, s);
                    w.set(factors + skeleton, l + 1);
                }
                for (int k = 0; k < 3; k++) {
                    for (int q = 0; q < dofs; q++) {
                        delta[q] = w.get(g + (long) k * dofs + q);
                    }
                    solveFactored(w, l, dofs, delta);
                    addColumn(w, isl, start, mk, lk, jac, s, 3 * t + k, delta);
                }
            }
        }
    }

    /** The Cholesky factor L (row-major n × n in the workspace) of {@code s}'s mass matrix M = L·Lᵀ. */
    private static long factorMassMatrix(Workspace w, Skeleton s) {
        int n = s.dofCount();
        MassMatrix.compute(s);
        long l = w.alloc(n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s.massMatrix(i, j);
                for (int k = 0; k < j; k++) {
                    v -= w.get(l + (long) i * n + k) * w.get(l + (long) j * n + k);
                }
                w.set(l + (long) i * n + j, i == j ? Math.sqrt(v) : v / w.get(l + (long) j * n + j));
            }
        }
        return l;
    }

    /** x ← M⁻¹·x by the factor at {@code l} (forward then backward substitution). */
    private static void solveFactored(Workspace w, long l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            for (int k = 0; k < i; k++) {
                v -= w.get(l + (long) i * n + k) * x[k];
            }
            x[i] = v / w.get(l + (long) i * n + i);
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = x[i];
            for (int k = i + 1; k < n; k++) {
                v -= w.get(l + (long) k * n + i) * x[k];
            }
            x[i] = v / w.get(l + (long) i * n + i);
        }
    }

    /** Columns of the limit rows: the response sign·M⁻¹·e_dof, read by every row of the island on that skeleton. */
    private void fillLimitColumns(Workspace w, Islands isl, int start, int mk, int lk, long jac, long responses) {
        for (int r = 0; r < lk; r++) {
            int item = w.getInt(isl.order + start + mk + r) - lastContactCount;
            Skeleton s = skeletons.get(limitSkeleton(item));
            long response = (long) w.get(responses + r);
            for (int q = 0; q < s.dofCount(); q++) {
                columnDelta[q] = w.get(response + q);
            }
            addColumn(w, isl, start, mk, lk, jac, s, 3 * mk + r, columnDelta);
        }
    }

    /**
     * Adds to column {@code col} of A the velocity change Δdq of skeleton {@code s} as every row of the
     * island on {@code s} sees it: g·Δdq for contact rows, sign·Δdq_dof for limit rows. Δdq is
     * {@code delta[0..dofs)}.
     */
    private void addColumn(Workspace w, Islands isl, int start, int mk, int lk, long jac, Skeleton s, int col,
                           double[] delta) {
        int rows = 3 * mk + lk;
        int dofs = s.dofCount();
        for (int u = 0; u < mk; u++) {
            int cu = w.getInt(isl.order + start + u);
            for (int su = 0; su < 2; su++) {
                long g = (long) w.get(jac + 2L * u + su);
                if (g < 0 || collision.skeletonOf((int) contacts.get(cu, 7 + su)) != s) {
                    continue;
                }
                for (int l = 0; l < 3; l++) {
                    double v = 0;
                    for (int q = 0; q < dofs; q++) {
                        v += w.get(g + (long) l * dofs + q) * delta[q];
                    }
                    w.add(lcp.a + (long) (3 * u + l) * rows + col, v);
                }
            }
        }
        for (int j = 0; j < lk; j++) {
            int item = w.getInt(isl.order + start + mk + j) - lastContactCount;
            if (skeletons.get(limitSkeleton(item)) == s) {
                w.add(lcp.a + (long) (3 * mk + j) * rows + col, limitSign(item) * delta[limitDof(item)]);
            }
        }
    }

    /** Dantzig first; PGS on the untouched problem if Dantzig fails or gives a non-finite x. */
    private void solveLcp(Workspace w) {
        lcpCount++;
        backup.allocate(w, lcp.n);
        backup.copyFrom(w, lcp);
        if (solveAndCheck(w, primary)) {
            return;
        }
        fallbacks++;
        lcp.copyFrom(w, backup);
        if (!solveAndCheck(w, secondary)) {
            // as DART: no impulse when both solvers fail
            for (int i = 0; i < lcp.n; i++) {
                w.set(lcp.x + i, 0);
            }
        }
    }

    private boolean solveAndCheck(Workspace w, BoxedLcpSolver solver) {
        if (!solver.solve(w, lcp)) {
            return false;
        }
        for (int i = 0; i < lcp.n; i++) {
            if (!Double.isFinite(w.get(lcp.x + i))) {
                return false;
            }
        }
        return true;
    }

    /** Sums λ·direction per body, then one impulse forward dynamics per skeleton: dq += M⁻¹·Jᵀ·λ. */
    private void applyImpulses(Workspace w, Islands isl, int island, int start, int mk, long dirs) {
        for (int i = 0; i < skeletons.size(); i++) {
            if (w.getInt(isl.skeletonIsland + i) == island) {
                skeletons.get(i).clearConstraintImpulses();
            }
        }
        for (int t = 0; t < mk; t++) {
            int c = w.getInt(isl.order + start + t);
            double px = contacts.get(c, 0), py = contacts.get(c, 1), pz = contacts.get(c, 2);
            for (int k = 0; k < 3; k++) {
                w.set(impulses + 3L * c + k, w.get(lcp.x + 3 * t + k));
            }
            for (int side = 0; side < 2; side++) {
                int shape = (int) contacts.get(c, 7 + side);
                Skeleton s = collision.skeletonOf(shape);
                if (s.dofCount() == 0) {
                    continue;
                }
                double sign = side == 0 ? 1.0 : -1.0;
                double jx = 0, jy = 0, jz = 0;
                for (int k = 0; k < 3; k++) {
                    double lambda = sign * w.get(lcp.x + 3 * t + k);
                    long d = dirs + 9L * t + 3 * k;
                    jx += lambda * w.get(d);
                    jy += lambda * w.get(d + 1);
                    jz += lambda * w.get(d + 2);
                }
                s.addConstraintImpulse(collision.bodyOf(shape), jx, jy, jz, px, py, pz);
            }
        }
        for (int i = 0; i < skeletons.size(); i++) {
            if (w.getInt(isl.skeletonIsland + i) != island) {
                continue;
            }
            Skeleton s = skeletons.get(i);
            ForwardDynamics.impulse(s);
            for (int q = 0; q < s.dofCount(); q++) {
                s.setVelocity(q, s.velocity(q) + s.velocityChange(q));
            }
            s.clearConstraintImpulses();
        }
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

    /**
     * Row r for limit item: velocity sign·dq_dof ≥ target; the response sign·M⁻¹·e_dof (solved with a
     * Cholesky factor of the skeleton's mass matrix, in the workspace) goes to {@code responseSlot}.
     */
    private void buildLimitRow(Workspace w, int item, int r, long responseSlot, double dt) {
        Skeleton s = skeletons.get(limitSkeleton(item));
        int dof = limitDof(item);
        double sign = limitSign(item);
        double violation = ws.get(limitRows + 4L * item + 3) - JOINT_LIMIT_ERROR_ALLOWANCE;
        double target = violation > 0 ? Math.min(violation * JOINT_LIMIT_ERP / dt, JOINT_LIMIT_MAX_ERV) : 0;
        w.set(lcp.b + r, -sign * s.velocity(dof) + target);
        w.set(lcp.lo + r, 0);
        w.set(lcp.hi + r, Double.POSITIVE_INFINITY);
        int n = s.dofCount();
        long l = factorMassMatrix(w, s);
        long x = w.alloc(n);
        w.set(responseSlot, x);
        for (int i = 0; i < n; i++) {
            double v = i == dof ? sign : 0;
            for (int k = 0; k < i; k++) {
                v -= w.get(l + (long) i * n + k) * w.get(x + k);
            }
            w.set(x + i, v / w.get(l + (long) i * n + i));
        }
        for (int i = n - 1; i >= 0; i--) {
            double v = w.get(x + i);
            for (int k = i + 1; k < n; k++) {
                v -= w.get(l + (long) k * n + i) * w.get(x + k);
            }
            w.set(x + i, v / w.get(l + (long) i * n + i));
        }
    }

    /** dq += λ·sign·M⁻¹·e_dof. */
    private void applyLimitImpulse(Workspace w, int item, double lambda, long response) {
        Skeleton s = skeletons.get(limitSkeleton(item));
        for (int q = 0; q < s.dofCount(); q++) {
            s.setVelocity(q, s.velocity(q) + lambda * w.get(response + q));
        }
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
        jacobian = new double[6 * maxDofs];
        columnDelta = new double[maxDofs];
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
