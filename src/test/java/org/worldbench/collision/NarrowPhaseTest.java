package org.worldbench.collision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known geometry → contact count, points, normals (from shape B towards shape A) and depths, per
 * pair type. Poses are 12 doubles: R row-major, then p.
 */
class NarrowPhaseTest {

    private static final double TOL = 1e-12;

    private final BoxBox boxBox = new BoxBox();
    private final Primitives primitives = new Primitives();
    private final RecordingSink sink = new RecordingSink();

    private static double[] at(double x, double y, double z) {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, x, y, z};
    }

    /** Rotation about z by angle, at p. */
    private static double[] rotZ(double angle, double x, double y, double z) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1, x, y, z};
    }

    /** Rotation about x by angle, at p. */
    private static double[] rotX(double angle, double x, double y, double z) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return new double[] {1, 0, 0, 0, c, -s, 0, s, c, x, y, z};
    }

    @Test
    void cube_sinking_into_ground_gets_four_corner_contacts_with_upward_normal() {
        double[] cube = at(0.3, -0.2, 0.09); // 0.2 m cube, 1 cm into the ground
        double[] ground = at(0, 0, -0.05);
        int n = boxBox.collide(0, new double[] {0.1, 0.1, 0.1}, 0, cube, 0, 1, new double[] {10, 10, 0.05}, 0, ground, 0,
                sink);
        assertThat(n).isEqualTo(4);
        List<RecordingSink.Contact> cs = sorted();
        double[][] corners = {{0.2, -0.3}, {0.2, -0.1}, {0.4, -0.3}, {0.4, -0.1}};
        for (int i = 0; i < 4; i++) {
            RecordingSink.Contact c = cs.get(i);
            assertThat(c.a()).isZero();
            assertThat(c.b()).isEqualTo(1);
            assertThat(new double[] {c.px(), c.py(), c.pz()}).containsExactly(
                    new double[] {corners[i][0], corners[i][1], -0.01}, within(TOL));
            assertThat(new double[] {c.nx(), c.ny(), c.nz()}).containsExactly(new double[] {0, 0, 1}, within(TOL));
            assertThat(c.depth()).isCloseTo(0.01, within(TOL));
        }
    }

    @Test
    void swapping_the_boxes_flips_the_normal() {
        boxBox.collide(1, new double[] {10, 10, 0.05}, 0, at(0, 0, -0.05), 0, 0, new double[] {0.1, 0.1, 0.1}, 0,
                at(0, 0, 0.09), 0, sink);
        assertThat(sink.contacts).hasSize(4).allSatisfy(c -> {
            assertThat(c.nz()).isCloseTo(-1, within(TOL));
            assertThat(c.depth()).isCloseTo(0.01, within(TOL));
        });
    }

    @Test
    void separated_boxes_give_no_contact() {
        int n = boxBox.collide(0, new double[] {0.1, 0.1, 0.1}, 0, at(0, 0, 0.1001), 0, 1, new double[] {10, 10, 0.05}, 0,
                at(0, 0, -0.05), 0, sink);
        assertThat(n).isZero();
        assertThat(sink.contacts).isEmpty();
    }

    @Test
    void cube_turned_45_degrees_on_a_cube_gets_the_clipped_octagon_culled_to_four_points() {
        // upper cube rotated about z: its bottom face clipped by the lower top face is an octagon
        double[] upper = rotZ(Math.PI / 4, 0, 0, 0.195);
        double[] lower = at(0, 0, 0);
        int n = boxBox.collide(0, new double[] {0.1, 0.1, 0.1}, 0, upper, 0, 1, new double[] {0.1, 0.1, 0.1}, 0, lower, 0,
                sink);
        assertThat(n).isEqualTo(4);
        assertThat(sink.contacts).allSatisfy(c -> {
            assertThat(c.nz()).isCloseTo(1, within(TOL));
            assertThat(c.depth()).isCloseTo(0.005, within(TOL));
            assertThat(c.pz()).isCloseTo(0.095, within(TOL));
            // every point lies on the octagon: inside the lower top face and inside the rotated square
            assertThat(Math.max(Math.abs(c.px()), Math.abs(c.py()))).isLessThanOrEqualTo(0.1 + TOL);
            assertThat(Math.abs(c.px()) + Math.abs(c.py())).isLessThanOrEqualTo(0.1 * Math.sqrt(2) + TOL);
        });
    }

    @Test
    void edge_on_edge_gives_one_point_between_the_edges() {
        // upper cube rolled 45° about x resting its lowest edge (along x) on a lower cube turned 45° about z...
        // simpler crossed edges: both cubes rolled 45°, one about x, one about y, edges crossing at the origin
        double h = 0.1 * Math.sqrt(2);
        double[] upper = rotX(Math.PI / 4, 0, 0, h - 0.002);
        double c = Math.cos(Math.PI / 4), s = Math.sin(Math.PI / 4);
        double[] lower = {c, 0, s, 0, 1, 0, -s, 0, c, 0, 0, -h + 0.002};
        int n = boxBox.collide(0, new double[] {0.1, 0.1, 0.1}, 0, upper, 0, 1, new double[] {0.1, 0.1, 0.1}, 0, lower, 0,
                sink);
        assertThat(n).isEqualTo(1);
        RecordingSink.Contact ct = sink.contacts.getFirst();
        assertThat(new double[] {ct.px(), ct.py(), ct.pz()}).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        assertThat(new double[] {ct.nx(), ct.ny(), ct.nz()}).containsExactly(new double[] {0, 0, 1}, within(1e-12));
        assertThat(ct.depth()).isCloseTo(0.004, within(1e-12));
    }

    @Test
    void sphere_on_box_touches_the_face_below_its_centre() {
        int n = primitives.sphereBox(0, 0.02, 0.03, 0.095, 0.1, 1, new double[] {10, 10, 0.05}, 0, at(0, 0, -0.05), 0, sink);
        assertThat(n).isEqualTo(1);
        RecordingSink.Contact c = sink.contacts.getFirst();
        assertThat(new double[] {c.px(), c.py(), c.pz()}).containsExactly(new double[] {0.02, 0.03, 0}, within(TOL));
        assertThat(new double[] {c.nx(), c.ny(), c.nz()}).containsExactly(new double[] {0, 0, 1}, within(TOL));
        assertThat(c.depth()).isCloseTo(0.005, within(TOL));
    }

    @Test
    void box_against_sphere_is_the_same_contact_seen_from_the_other_side() {
        primitives.boxSphere(1, new double[] {10, 10, 0.05}, 0, at(0, 0, -0.05), 0, 0, 0.02, 0.03, 0.095, 0.1, sink);
        RecordingSink.Contact c = sink.contacts.getFirst();
        assertThat(c.a()).isEqualTo(1);
        assertThat(c.b()).isZero();
        assertThat(c.nz()).isCloseTo(-1, within(TOL));
        assertThat(c.depth()).isCloseTo(0.005, within(TOL));
    }

    @Test
    void sphere_near_a_box_corner_gets_the_corner_normal() {
        double r = 0.1;
        double d = 0.08 / Math.sqrt(3);
        primitives.sphereBox(0, 0.1 + d, 0.1 + d, 0.1 + d, r, 1, new double[] {0.1, 0.1, 0.1}, 0, at(0, 0, 0), 0, sink);
        RecordingSink.Contact c = sink.contacts.getFirst();
        double u = 1 / Math.sqrt(3);
        assertThat(new double[] {c.nx(), c.ny(), c.nz()}).containsExactly(new double[] {u, u, u}, within(1e-12));
        assertThat(new double[] {c.px(), c.py(), c.pz()}).containsExactly(new double[] {0.1, 0.1, 0.1}, within(1e-12));
        assertThat(c.depth()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void spheres_overlapping_touch_between_their_centres_weighted_by_radius() {
        int n = Primitives.sphereSphere(0, 0, 0, 0.25, 0.1, 1, 0, 0, 0, 0.2, sink);
        assertThat(n).isEqualTo(1);
        RecordingSink.Contact c = sink.contacts.getFirst();
        // DART: point = r_b/(r_a+r_b)·c_a + r_a/(r_a+r_b)·c_b
        assertThat(c.pz()).isCloseTo(0.2 / 0.3 * 0.25, within(TOL));
        assertThat(c.nz()).isCloseTo(1, within(TOL));
        assertThat(c.depth()).isCloseTo(0.05, within(TOL));
        assertThat(Primitives.sphereSphere(0, 0, 0, 0.31, 0.1, 1, 0, 0, 0, 0.2, sink)).isZero();
    }

    @Test
    void capsule_lying_on_the_ground_rests_on_both_ends() {
        // capsule axis along world x (local z rotated by -90° about y), radius 0.05, length 0.4, 1 mm deep
        double[] pose = {0, 0, 1, 0, 1, 0, -1, 0, 0, 0, 0, 0.049};
        int n = primitives.capsuleBox(0, 0.05, 0.2, pose, 0, 1, new double[] {10, 10, 0.05}, 0, at(0, 0, -0.05), 0, sink);
        assertThat(n).isEqualTo(2);
        assertThat(sink.contacts).extracting(RecordingSink.Contact::px).containsExactlyInAnyOrder(-0.2, 0.2);
        assertThat(sink.contacts).allSatisfy(c -> {
            assertThat(c.nz()).isCloseTo(1, within(TOL));
            assertThat(c.depth()).isCloseTo(0.001, within(1e-12));
        });
    }

    @Test
    void crossed_capsules_touch_at_the_closest_points_of_their_axes() {
        double[] alongX = {0, 0, 1, 0, 1, 0, -1, 0, 0, 0, 0, 0.09};
        double[] alongY = {1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0};
        int n = primitives.capsuleCapsule(0, 0.05, 0.2, alongX, 0, 1, 0.05, 0.2, alongY, 0, sink);
        assertThat(n).isEqualTo(1);
        RecordingSink.Contact c = sink.contacts.getFirst();
        assertThat(new double[] {c.px(), c.py(), c.pz()}).containsExactly(new double[] {0, 0, 0.045}, within(1e-12));
        assertThat(c.nz()).isCloseTo(1, within(TOL));
        assertThat(c.depth()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void parallel_capsules_touch_along_the_overlap() {
        double[] upper = {0, 0, 1, 0, 1, 0, -1, 0, 0, 0.1, 0, 0.095};
        double[] lower = {0, 0, 1, 0, 1, 0, -1, 0, 0, 0, 0, 0};
        int n = primitives.capsuleCapsule(0, 0.05, 0.2, upper, 0, 1, 0.05, 0.2, lower, 0, sink);
        assertThat(n).isEqualTo(2);
        assertThat(sink.contacts).extracting(RecordingSink.Contact::px)
                .containsExactlyInAnyOrder(-0.1, 0.2);
        assertThat(sink.contacts).allSatisfy(c -> assertThat(c.depth()).isCloseTo(0.005, within(1e-12)));
    }

    @Test
    void capsule_against_sphere_uses_the_closest_axis_point() {
        double[] alongX = {0, 0, 1, 0, 1, 0, -1, 0, 0, 0, 0, 0};
        int n = primitives.capsuleSphere(0, 0.05, 0.2, alongX, 0, 1, 0.1, 0, -0.14, 0.1, sink);
        assertThat(n).isEqualTo(1);
        RecordingSink.Contact c = sink.contacts.getFirst();
        assertThat(c.nz()).isCloseTo(1, within(TOL));
        assertThat(c.depth()).isCloseTo(0.01, within(1e-12));
    }

    private List<RecordingSink.Contact> sorted() {
        return sink.contacts.stream()
                .sorted(Comparator.comparingDouble(RecordingSink.Contact::px).thenComparingDouble(RecordingSink.Contact::py))
                .toList();
    }
}
