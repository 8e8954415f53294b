package org.worldbench.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.worldbench.constraint.ConstraintSolver;
import org.worldbench.dynamics.ForwardDynamics;
import org.worldbench.dynamics.Integrator;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Vec3;
import org.worldbench.memory.FailureCollector;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryManager;
import org.worldbench.memory.MemoryOptions;

/**
 * A set of skeletons stepped together in time, as DART's {@code dart::simulation::World}.
 *
 * <h2>Memory</h2>
 * Every World creates one {@link MemoryManager} on its configuration's base allocator
 * ({@link #getMemoryManager()} is never null). Where the components keep their memory depends on
 * {@link WorldConfig#allocation()}:
 * <pre>
 *  HIERARCHICAL   manager ── free list ◄── each skeleton's body block (borrowed)
 *                         └─ frame     ◄── the constraint solver's per-step data (borrowed)
 *  INLINE         each skeleton owns a free list + pool on the base; the solver owns a frame
 *  HEAP           skeletons in Java arrays; solver temporaries on the heap
 * </pre>
 * All three give bit-identical results. docs/design/hierarchical_allocator.md explains the design.
 *
 * <h2>Ownership</h2>
 * {@link #addSkeleton} moves the skeleton's body block into this World's memory and hands the
 * skeleton to the World: {@link #close()} closes it. {@link #removeSkeleton} hands it back, its
 * block moved to where it was before (normally the default allocator) and the World's memory
 * returned. A skeleton belongs to at most one World.
 *
 * <h2>The step</h2>
 * DART's {@code World::step()}: for each mobile skeleton forward dynamics (ABA), then velocity
 * integration; then the constraint solver (contacts, one boxed LCP per island, impulses through
 * impulse forward dynamics); then position integration (semi-implicit Euler, exact free-joint
 * integration); then forces are cleared and time advances. Allocates nothing on the
 * Java heap in steady state for INLINE and HIERARCHICAL.
 *
 * <p>Single-threaded: one thread steps a World at a time. A clone ({@link #clone()}) shares no
 * mutable state with its original, so clones can be stepped on different threads at once (with a
 * thread-safe base allocator; a debug World stays on the thread that built it).
 */
public final class World implements AutoCloseable {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    /** One skeleton of the World, where its block lives here, and where it goes back to on removal. */
    private record Member(Skeleton skeleton, SkeletonHome home, StateStorage storageBefore,
            MemoryAllocator allocatorBefore) {
    }

    private final String name;
    private final WorldConfig config;
    private final MemoryManager memoryManager;
    private final MemoryPlan memoryPlan;
    /** The constraint solver's frame: reset at the start of every step; null in HEAP. */
    private final FrameAllocator solverFrame;
    /** Contacts: borrows {@link #solverFrame}, or creates heap temporaries per step in HEAP. */
    private final ConstraintSolver solver;
    private final List<Member> members = new ArrayList<>();
    /** The skeletons in insertion order, as an array so the step iterates without an iterator. */
    private Skeleton[] skeletons = new Skeleton[0];
    private final double timeStep;
    private double time;
    private long stepCount;
    private boolean closed;

    /** A World with {@link WorldConfig#defaults()}. */
    public World() {
        this(WorldConfig.defaults());
    }

    public World(WorldConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = "World#" + NEXT_ID.getAndIncrement();
        this.timeStep = config.timeStep();
        MemoryOptions options = MemoryOptions.defaults().withDebug(config.debug());
        this.memoryManager = new MemoryManager(config.baseAllocator(), options, name);
        this.memoryPlan = new MemoryPlan(config.allocation(), memoryManager, config.baseAllocator());
        this.solverFrame = memoryPlan.solverFrame();
        this.solver = solverFrame == null ? ConstraintSolver.heap() : new ConstraintSolver(solverFrame);
    }

    // ------------------------------------------------------------------ skeletons

    /**
     * Adds {@code skeleton}: its body block moves into this World's memory (see the class
     * comment), its time step and gravity become the World's, and the World owns it until
     * {@link #removeSkeleton}.
     *
     * @throws IllegalStateException    if the skeleton already belongs to a World (naming it) or is
     *                                  closed, or this World is closed
     * @throws IllegalArgumentException if this World already has a skeleton of that name
     */
    public void addSkeleton(Skeleton skeleton) {
        checkOpen();
        Objects.requireNonNull(skeleton, "skeleton");
        if (skeleton.isClosed()) {
            throw new IllegalStateException("skeleton '" + skeleton.name() + "' is closed and cannot join " + name);
        }
        StateStorage storageBefore = skeleton.storage();
        MemoryAllocator allocatorBefore = skeleton.baseAllocator();
        skeleton.joinWorld(name); // first: a skeleton of another World is reported as such
        SkeletonHome home = null;
        try {
            checkNameFree(skeleton.name());
            home = memoryPlan.homeFor(skeleton.name());
            skeleton.relocate(home.storage(), home.allocator());
            adopt(skeleton, home, storageBefore, allocatorBefore);
        } catch (RuntimeException e) {
            if (home != null) {
                skeleton.relocate(storageBefore, allocatorBefore);
                home.release();
            }
            skeleton.leaveWorld();
            throw e;
        }
    }

    /**
     * Registers a skeleton whose block already lives in {@code home}, with the constraint solver
     * first: it refuses shapes the collision stage cannot handle, and then nothing has changed.
     */
    private void adopt(Skeleton skeleton, SkeletonHome home, StateStorage storageBefore,
            MemoryAllocator allocatorBefore) {
        try {
            solver.addSkeleton(skeleton);
        } catch (RuntimeException e) {
            solver.collision().removeSkeleton(skeleton); // the shapes added before the refused one
            throw e;
        }
        skeleton.setTimeStep(timeStep);
        Vec3 g = config.gravity();
        skeleton.setGravity(g.x(), g.y(), g.z());
        members.add(new Member(skeleton, home, storageBefore, allocatorBefore));
        skeletons = Arrays.copyOf(skeletons, skeletons.length + 1);
        skeletons[skeletons.length - 1] = skeleton;
    }

    /**
     * Removes {@code skeleton} and gives it back to the caller: its block moves back to the
     * storage and allocator it had before it joined (for a skeleton made by {@link #clone()}, the
     * default allocator), so the World's memory is returned and the skeleton stays usable.
     *
     * @throws IllegalArgumentException if the skeleton is not in this World
     */
    public void removeSkeleton(Skeleton skeleton) {
        checkOpen();
        int index = indexOf(skeleton);
        Member member = members.get(index);
        solver.removeSkeleton(skeleton);
        if (!skeleton.isClosed()) {
            skeleton.relocate(member.storageBefore(), member.allocatorBefore());
        }
        skeleton.leaveWorld();
        members.remove(index);
        Skeleton[] next = new Skeleton[skeletons.length - 1];
        System.arraycopy(skeletons, 0, next, 0, index);
        System.arraycopy(skeletons, index + 1, next, index, next.length - index);
        skeletons = next;
        member.home().release();
    }

    public int getSkeletonCount() {
        return skeletons.length;
    }

    public Skeleton getSkeleton(int index) {
        return skeletons[index];
    }

    /** The skeleton of that name, or an exception naming it and the World. */
    public Skeleton getSkeleton(String skeletonName) {
        for (Skeleton s : skeletons) {
            if (s.name().equals(skeletonName)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name + " has no skeleton named '" + skeletonName + "'");
    }

    public List<Skeleton> getSkeletons() {
        return Collections.unmodifiableList(Arrays.asList(skeletons));
    }

    // ------------------------------------------------------------------ the step

    /**
     * Advances the World by one time step, in DART's order (see the class comment). Applied forces
     * (generalized and external) act during this step and are cleared after it, as DART's
     * {@code World::step(true)} does.
     *
     * @throws IllegalStateException if forward dynamics gives a non-finite acceleration (the
     *                               message names the skeleton and dof); the World's state is then
     *                               unchanged
     */
    public void step() {
        checkOpen();
        if (solverFrame != null) {
            solverFrame.reset();
        }
        final Skeleton[] all = skeletons;
        final double dt = timeStep;
        // Every skeleton's accelerations first, checked before any state changes, so a bad force
        // is reported with the World as it was (the skeletons are independent until the solver).
        for (Skeleton s : all) {
            if (isMobile(s)) {
                ForwardDynamics.compute(s);
            }
        }
        for (Skeleton s : all) {
            if (isMobile(s)) {
                requireFiniteAccelerations(s);
            }
        }
        for (Skeleton s : all) {
            if (isMobile(s)) {
                Integrator.integrateVelocities(s, dt);
            }
        }
        solver.solve(dt);
        for (Skeleton s : all) {
            if (isMobile(s)) {
                Integrator.integratePositions(s, dt);
            }
            clearForces(s);
        }
        time += dt;
        stepCount++;
    }

    private void requireFiniteAccelerations(Skeleton s) {
        for (int i = 0, n = s.dofCount(); i < n; i++) {
            if (!Double.isFinite(s.acceleration(i))) {
                throw nonFiniteAcceleration(s, i);
            }
        }
    }

    private IllegalStateException nonFiniteAcceleration(Skeleton s, int dof) {
        return new IllegalStateException(name + ", step " + (stepCount + 1) + ": forward dynamics of skeleton '"
                + s.name() + "' gave acceleration " + s.acceleration(dof) + " for dof '" + s.dofNames().get(dof)
                + "' (too large forces, or a degenerate inertia); the World's state is unchanged");
    }

    /** DART's {@code clearInternalForces()} and {@code clearExternalForces()}. */
    private static void clearForces(Skeleton s) {
        for (int i = 0, n = s.dofCount(); i < n; i++) {
            s.setForce(i, 0.0);
        }
        s.clearExternalForces();
    }

    /** DART's {@code isMobile()}: a skeleton without dofs (a welded ground) does not move. */
    private static boolean isMobile(Skeleton s) {
        return s.dofCount() > 0;
    }

    /** Simulated time, s: the sum of the steps taken (with rounding, as DART adds them up). */
    public double getTime() {
        return time;
    }

    /** Steps taken since construction. */
    public long getStepCount() {
        return stepCount;
    }

    public double getTimeStep() {
        return timeStep;
    }

    public Vec3 getGravity() {
        return config.gravity();
    }

    // ------------------------------------------------------------------ memory and lifecycle

    /** The World's memory manager, in every configuration; the World owns it. */
    public MemoryManager getMemoryManager() {
        return memoryManager;
    }

    public WorldConfig getConfig() {
        return config;
    }

    /** A unique name, {@code "World#n"}; allocator names and error messages carry it. */
    public String getName() {
        return name;
    }

    /**
     * The constraint solver: contacts found and impulses of the last step ({@code lastContactCount()},
     * {@code contactImpulse(k, row)}), the collision stage ({@code collision()}). The World owns it.
     */
    public ConstraintSolver getConstraintSolver() {
        return solver;
    }

    /** The frame the constraint solver uses (reset every step), null in HEAP. For tests. */
    FrameAllocator solverFrame() {
        return solverFrame;
    }

    /**
     * A new World with the same configuration, its own fresh {@link MemoryManager} on the same
     * base allocator, and a deep copy of every skeleton built directly in the new World's memory,
     * with the same state and time. Stepping the clone never touches the original's memory.
     */
    @Override
    public World clone() {
        checkOpen();
        World copy = new World(config);
        try {
            for (Member m : members) {
                Skeleton original = m.skeleton();
                SkeletonHome home = copy.memoryPlan.homeFor(original.name());
                Skeleton twin;
                try {
                    twin = original.cloneSkeleton(original.name(), home.storage(), home.allocator());
                } catch (RuntimeException e) {
                    home.release();
                    throw e;
                }
                twin.joinWorld(copy.name);
                copy.adopt(twin, home, StateStorage.OFF_HEAP, MemoryAllocator.defaultAllocator());
            }
        } catch (RuntimeException e) {
            copy.closeAfterFailure(e);
            throw e;
        }
        copy.time = time;
        copy.stepCount = stepCount;
        return copy;
    }

    /**
     * Closes every skeleton still in the World, the allocators they own, the solver's frame, and
     * the memory manager, returning every byte to the base allocator. In debug mode a block still
     * live in any of them is reported as a {@link org.worldbench.memory.MemoryMisuseException}
     * naming its allocator and owner (e.g. {@code "pool(World#3)"}), after everything was freed.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        FailureCollector failures = new FailureCollector();
        failures.run(solver::close);
        for (Member m : members) {
            failures.run(m.skeleton()::close);
            failures.run(m.skeleton()::leaveWorld);
            failures.run(m.home()::release);
        }
        members.clear();
        skeletons = new Skeleton[0];
        if (memoryPlan.ownsSolverFrame()) {
            failures.run(solverFrame::close);
        }
        failures.run(memoryManager::close);
        failures.throwIfAny();
    }

    public boolean isClosed() {
        return closed;
    }

    private void closeAfterFailure(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    private void checkNameFree(String skeletonName) {
        for (Skeleton s : skeletons) {
            if (s.name().equals(skeletonName)) {
                throw new IllegalArgumentException(name + " already has a skeleton named '" + skeletonName + "'");
            }
        }
    }

    private int indexOf(Skeleton skeleton) {
        Objects.requireNonNull(skeleton, "skeleton");
        for (int i = 0; i < skeletons.length; i++) {
            if (skeletons[i] == skeleton) {
                return i;
            }
        }
        throw new IllegalArgumentException("skeleton '" + skeleton.name() + "' is not in " + name
                + (skeleton.world() == null ? "" : " (it belongs to " + skeleton.world() + ")"));
    }

    @Override
    public String toString() {
        return name + " (" + skeletons.length + " skeletons, " + config.allocation()
                + (config.debug() ? ", debug" : "") + ", t = " + time + " s)";
    }
}
