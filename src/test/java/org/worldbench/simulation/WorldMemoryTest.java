package org.worldbench.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.worldbench.constraint.ConstraintSolver;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Vec3;
import org.worldbench.memory.Allocators;
import org.worldbench.memory.FrameAllocator;
import org.worldbench.memory.MemoryAllocator;
import org.worldbench.memory.MemoryManager;
import org.worldbench.memory.MemoryMisuseException;
import org.worldbench.workload.ContactScenes;
import org.worldbench.workload.SkeletonScenes;

/**
 * The memory principles of the World (issue 5), one test each: the manager always exists, skeletons
 * borrow (HIERARCHICAL) or own (INLINE) their allocator, memory comes back on remove and close,
 * leaks are reported with their owner in debug mode, standalone skeletons use the default
 * allocator.
 */
class WorldMemoryTest {

    /** A base of our own whose counters see exactly what the World takes and gives back. */
    private final MemoryAllocator base = Allocators.freeList(MemoryAllocator.defaultAllocator(), "test-base");

    @AfterEach
    void closeBase() {
        base.close();
    }

    static Stream<Arguments> everyConfiguration() {
        return Stream.of(Allocation.values()).flatMap(a -> Stream.of(Arguments.of(a, false), Arguments.of(a, true)));
    }

    private WorldConfig config(Allocation allocation, boolean debug) {
        return WorldConfig.defaults().withBaseAllocator(base).withAllocation(allocation).withDebug(debug);
    }

    /** Where the next chain stands: 1 m apart, so their link boxes never touch. */
    private double nextBaseX;

    private Skeleton chain(String name) {
        Skeleton s = SkeletonScenes.chain(7, StateStorage.OFF_HEAP, new Vec3(nextBaseX++, 0, 0), name);
        s.setPositions(new double[] {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3});
        return s;
    }

    @ParameterizedTest(name = "{0}, debug {1}")
    @MethodSource("everyConfiguration")
    void the_memory_manager_exists_in_every_configuration_and_is_built_on_the_base(Allocation allocation,
            boolean debug) {
        try (World world = new World(config(allocation, debug))) {
            MemoryManager manager = world.getMemoryManager();

            assertThat(manager).isNotNull();
            assertThat(manager.owner()).isEqualTo(world.getName());
            assertThat(manager.isDebug()).isEqualTo(debug);
            assertThat(base.metrics().liveBytes()).as("the manager's frame arena comes from the base").isPositive();
        }
    }

    @Test
    void hierarchical_skeletons_borrow_the_managers_free_list_for_their_pool() {
        try (World world = new World(config(Allocation.HIERARCHICAL, false))) {
            Skeleton a = chain("a");
            Skeleton b = chain("b");
            world.addSkeleton(a);
            world.addSkeleton(b);
            MemoryAllocator freeList = world.getMemoryManager().getFreeListAllocator();

            assertThat(a.baseAllocator()).isSameAs(freeList);
            assertThat(b.baseAllocator()).isSameAs(freeList);
            assertThat(a.storage()).isEqualTo(StateStorage.OFF_HEAP);
            assertThat(freeList.metrics().liveBytes()).isEqualTo(a.pool().blockBytes() + b.pool().blockBytes());
            assertThat(a.pool().address() % 32).as("pool block alignment").isZero();
            assertThat(b.pool().address() % 32).isZero();
            assertThat(world.solverFrame()).as("the solver borrows the manager's frame")
                    .isSameAs(world.getMemoryManager().getFrameAllocator());
        }
    }

    @Test
    void inline_skeletons_own_a_free_list_each_and_the_manager_serves_nothing() {
        try (World world = new World(config(Allocation.INLINE, false))) {
            long before = base.metrics().liveBytes();
            Skeleton a = chain("a");
            Skeleton b = chain("b");
            world.addSkeleton(a);
            world.addSkeleton(b);
            MemoryManager manager = world.getMemoryManager();

            assertThat(a.baseAllocator()).isNotSameAs(b.baseAllocator())
                    .isNotSameAs(manager.getFreeListAllocator());
            assertThat(a.baseAllocator().name()).isEqualTo("free-list(" + world.getName() + "/a)");
            assertThat(a.baseAllocator().metrics().liveBytes()).isEqualTo(a.pool().blockBytes());
            assertThat(manager.getFreeListAllocator().metrics().liveBytes()).isZero();
            assertThat(base.metrics().liveBytes() - before)
                    .as("each skeleton's own free list reserved a whole chunk (the bloat of this design)")
                    .isGreaterThanOrEqualTo(2L << 20);
            assertThat(world.solverFrame()).as("the solver has a frame of its own")
                    .isNotNull().isNotSameAs(manager.getFrameAllocator());
        }
    }

    @Test
    void heap_skeletons_keep_their_state_in_java_arrays() {
        try (World world = new World(config(Allocation.HEAP, false))) {
            long before = base.metrics().liveBytes();
            Skeleton a = chain("a");
            world.addSkeleton(a);

            assertThat(a.storage()).isEqualTo(StateStorage.HEAP);
            assertThat(a.pool().address()).isZero();
            assertThat(base.metrics().liveBytes()).isEqualTo(before);
            assertThat(world.getMemoryManager().getFreeListAllocator().metrics().allocationCount()).isZero();
            assertThat(world.solverFrame()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void removing_a_skeleton_returns_its_memory_and_gives_it_back_usable(Allocation allocation) {
        try (World world = new World(config(allocation, false))) {
            long before = base.metrics().liveBytes();
            Skeleton a = chain("a");
            world.addSkeleton(a);
            world.step();
            double[] q = a.positions();

            world.removeSkeleton(a);

            MemoryAllocator managerFreeList = world.getMemoryManager().getFreeListAllocator();
            assertThat(managerFreeList.metrics().liveBytes()).as("manager free list, live bytes").isZero();
            // INLINE: the skeleton's own free list is closed, its chunk back in the base. HIERARCHICAL:
            // the block is back in the manager's free list, whose chunk stays for the next skeleton.
            assertThat(base.metrics().liveBytes()).as("base bytes after remove")
                    .isEqualTo(before + managerFreeList.metrics().reservedBytes());
            assertThat(managerFreeList.metrics().reservedBytes() > 0).isEqualTo(allocation == Allocation.HIERARCHICAL);
            assertThat(world.getSkeletonCount()).isZero();
            assertThat(a.world()).isNull();
            assertThat(a.storage()).isEqualTo(StateStorage.OFF_HEAP);
            assertThat(a.baseAllocator()).as("back to the standalone fallback").isSameAs(MemoryAllocator.defaultAllocator());
            assertThat(a.positions()).isEqualTo(q);
            a.close();
        }
    }

    @ParameterizedTest(name = "{0}, debug {1}")
    @MethodSource("everyConfiguration")
    void closing_the_world_returns_every_byte_to_the_base(Allocation allocation, boolean debug) {
        World world = new World(config(allocation, debug));
        Skeleton a = chain("a");
        world.addSkeleton(a);
        world.addSkeleton(chain("b"));
        GoldenScene.step(world, 10);
        World clone = world.clone();
        GoldenScene.step(clone, 10);

        world.close();
        clone.close();

        assertThat(base.metrics().liveBytes()).isZero();
        assertThat(a.isClosed()).as("the World owned the skeleton").isTrue();
        assertThat(world.isClosed()).isTrue();
    }

    @Test
    void a_leak_at_close_in_debug_mode_names_the_world() {
        World world = new World(config(Allocation.HIERARCHICAL, true));
        world.addSkeleton(chain("a"));
        world.getMemoryManager().allocate(MemoryManager.Type.POOL, 48);

        assertThatThrownBy(world::close)
                .isInstanceOfSatisfying(MemoryMisuseException.class,
                        e -> assertThat(e.kind()).isEqualTo(MemoryMisuseException.Kind.LEAK))
                .hasMessageContaining("pool(" + world.getName() + ")")
                .hasMessageContaining("48 bytes");
        assertThat(base.metrics().liveBytes()).as("freed all the same").isZero();
    }

    @Test
    void a_leak_in_an_inline_skeletons_own_allocator_names_the_skeleton() {
        World world = new World(config(Allocation.INLINE, true));
        Skeleton a = chain("arm");
        world.addSkeleton(a);
        MemorySegment forgotten = a.baseAllocator().allocate(100, 8);
        assertThat(forgotten.byteSize()).isEqualTo(100);

        assertThatThrownBy(world::close)
                .isInstanceOf(MemoryMisuseException.class)
                .hasMessageContaining("free-list(" + world.getName() + "/arm)");
        assertThat(base.metrics().liveBytes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Allocation.class)
    void a_debug_world_used_correctly_closes_without_complaint(Allocation allocation) {
        World world = new World(config(allocation, true));
        Skeleton a = chain("a");
        world.addSkeleton(a);
        GoldenScene.step(world, 5);
        world.removeSkeleton(a);
        world.addSkeleton(a);
        world.addSkeleton(chain("b"));
        GoldenScene.step(world, 5);

        world.close();

        assertThat(base.metrics().liveBytes()).isZero();
    }

    @Test
    void a_skeleton_outside_a_world_uses_the_default_allocator() {
        try (Skeleton standalone = chain("alone")) {
            assertThat(standalone.world()).isNull();
            assertThat(standalone.storage()).isEqualTo(StateStorage.OFF_HEAP);
            assertThat(standalone.baseAllocator()).isSameAs(MemoryAllocator.defaultAllocator());
            assertThat(standalone.pool().isAllocated()).isTrue();
        }
    }

    @Test
    void a_standalone_solver_creates_its_own_frame_on_its_first_solve_and_closes_it() {
        try (Skeleton cube = ContactScenes.cube("cube", 0, 0, 0.5, StateStorage.OFF_HEAP)) {
            ConstraintSolver solver = new ConstraintSolver();
            solver.addSkeleton(cube);
            assertThat(solver.frame()).as("no frame before the first solve").isNull();

            solver.solve(0.001);

            FrameAllocator frame = solver.frame();
            assertThat(frame).isNotNull();
            assertThat(frame.capacity()).isPositive();
            solver.close();
            assertThatThrownBy(() -> frame.allocateOffset(8, 8)).as("closed with the solver")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void a_world_solver_borrows_and_never_closes_the_frame() {
        World world = new World(config(Allocation.HIERARCHICAL, false));
        FrameAllocator frame = world.getMemoryManager().getFrameAllocator();
        assertThat(world.getConstraintSolver().frame()).isSameAs(frame);

        world.getConstraintSolver().close();

        assertThat(frame.allocateOffset(8, 8)).as("the manager's frame is still open").isNotNegative();
        world.close();
    }

    @Test
    void a_skeleton_in_two_worlds_is_an_error_naming_the_first() {
        try (World first = new World(config(Allocation.HIERARCHICAL, false));
             World second = new World(config(Allocation.HIERARCHICAL, false))) {
            Skeleton a = chain("a");
            first.addSkeleton(a);

            assertThatThrownBy(() -> second.addSkeleton(a))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("skeleton 'a' already belongs to " + first.getName())
                    .hasMessageContaining(second.getName());
            assertThat(second.getSkeletonCount()).isZero();
            assertThat(a.baseAllocator()).isSameAs(first.getMemoryManager().getFreeListAllocator());

            first.removeSkeleton(a);
            second.addSkeleton(a);
            assertThat(a.world()).isEqualTo(second.getName());
        }
    }

    @Test
    void adding_twice_or_removing_a_stranger_is_an_error() {
        try (World world = new World(config(Allocation.HIERARCHICAL, false))) {
            Skeleton a = chain("a");
            world.addSkeleton(a);
            Skeleton sameName = chain("a");

            assertThatThrownBy(() -> world.addSkeleton(a)).hasMessageContaining("already belongs to " + world.getName());
            assertThatThrownBy(() -> world.addSkeleton(sameName))
                    .hasMessage(world.getName() + " already has a skeleton named 'a'");
            assertThat(sameName.world()).isNull();
            assertThatThrownBy(() -> world.removeSkeleton(sameName))
                    .hasMessage("skeleton 'a' is not in " + world.getName());
            sameName.close();
        }
    }

    @Test
    void a_closed_world_refuses_work() {
        World world = new World(config(Allocation.HIERARCHICAL, false));
        world.close();

        assertThatThrownBy(world::step).hasMessage(world.getName() + " is closed");
        Skeleton a = chain("a");
        assertThatThrownBy(() -> world.addSkeleton(a)).hasMessage(world.getName() + " is closed");
        assertThatThrownBy(world::clone).hasMessage(world.getName() + " is closed");
        a.close();
        world.close();
    }
}
