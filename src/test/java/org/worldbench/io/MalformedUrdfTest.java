package org.worldbench.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.JointType;
import org.worldbench.dynamics.StateStorage;

/** A malformed or inconsistent URDF is rejected with an error naming the file, line and element. */
class MalformedUrdfTest {

    private static final String LINK_A = """
              <link name="a">
                <inertial><mass value="1"/><inertia ixx="1" iyy="1" izz="1"/></inertial>
              </link>
            """;

    private static UrdfModel load(String xml) {
        return UrdfLoader.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.urdf",
                UrdfLoader.Options.DEFAULT.withStorage(StateStorage.HEAP));
    }

    /** Line of the first occurrence of {@code marker} in {@code xml} (1-based). */
    private static int lineOf(String xml, String marker) {
        int at = xml.indexOf(marker);
        assertThat(at).as("marker " + marker).isNotNegative();
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void assertRejected(String xml, String marker, String... messageParts) {
        int line = lineOf(xml, marker);
        assertThatThrownBy(() -> load(xml))
                .isInstanceOf(UrdfException.class)
                .satisfies(e -> assertThat(((UrdfException) e).line()).as("line").isEqualTo(line))
                .hasMessageStartingWith("test.urdf:" + line + ": ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void joint_with_unknown_parent_link_is_rejected_naming_joint_and_link() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="b"/>
                  <joint name="j1" type="revolute">
                    <parent link="nowhere"/><child link="b"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<joint name=\"j1\"", "joint 'j1'", "unknown parent link 'nowhere'");
    }

    @Test
    void joint_with_unknown_child_link_is_rejected() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <joint name="j1" type="fixed">
                    <parent link="a"/><child link="ghost"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<joint name=\"j1\"", "joint 'j1'", "unknown child link 'ghost'");
    }

    @Test
    void cycle_of_joints_is_rejected() {
        String xml = """
                <robot name="r">
                  <link name="root"/>
                  <link name="a"/>
                  <link name="b"/>
                  <joint name="root_a" type="fixed"><parent link="root"/><child link="a"/></joint>
                  <joint name="a_b" type="fixed"><parent link="a"/><child link="b"/></joint>
                  <joint name="b_a" type="fixed"><parent link="b"/><child link="a"/></joint>
                </robot>
                """;
        // 'a' gets a second parent joint: the cycle shows there
        assertRejected(xml, "<joint name=\"b_a\"", "link 'a' has two parent joints", "'root_a'", "'b_a'");
    }

    @Test
    void closed_cycle_without_any_root_is_rejected() {
        String xml = """
                <robot name="r">
                  <link name="a"/>
                  <link name="b"/>
                  <joint name="a_b" type="fixed"><parent link="a"/><child link="b"/></joint>
                  <joint name="b_a" type="fixed"><parent link="b"/><child link="a"/></joint>
                </robot>
                """;
        assertRejected(xml, "<link name=\"a\"", "cycle", "link 'a'");
    }

    @Test
    void two_root_links_are_rejected_naming_both() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="lonely"/>
                </robot>
                """;
        assertRejected(xml, "<link name=\"lonely\"", "two root links", "'a'", "'lonely'");
    }

    @Test
    void negative_mass_is_rejected_naming_link_and_line() {
        String xml = """
                <robot name="r">
                  <link name="heavy">
                    <inertial>
                      <mass value="-2.5"/>
                      <inertia ixx="1" iyy="1" izz="1"/>
                    </inertial>
                  </link>
                </robot>
                """;
        assertRejected(xml, "<mass value=\"-2.5\"", "link 'heavy'", "negative mass -2.5");
    }

    @Test
    void inertia_that_is_not_positive_definite_is_rejected() {
        String xml = """
                <robot name="r">
                  <link name="odd">
                    <inertial>
                      <mass value="1"/>
                      <inertia ixx="1" ixy="2" iyy="1" izz="1"/>
                    </inertial>
                  </link>
                </robot>
                """;
        assertRejected(xml, "<inertia ixx=\"1\" ixy=\"2\"", "link 'odd'", "not positive definite");
    }

    @Test
    void unknown_joint_type_is_rejected_listing_the_supported_ones() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="b"/>
                  <joint name="slider" type="helical">
                    <parent link="a"/><child link="b"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<joint name=\"slider\"", "joint 'slider'", "unknown joint type 'helical'", "revolute");
    }

    @Test
    void malformed_xml_is_rejected_with_its_line() {
        String xml = "<robot name=\"r\">\n  <link name=\"a\">\n  </lnk>\n</robot>\n";
        assertRejected(xml, "</lnk>", "malformed XML");
    }

    @Test
    void number_that_does_not_parse_is_rejected_naming_attribute() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="b"/>
                  <joint name="j" type="fixed">
                    <origin xyz="0 zero 0"/>
                    <parent link="a"/><child link="b"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<origin xyz=\"0 zero 0\"", "attribute 'xyz'", "'zero' is not a finite number");
    }

    @Test
    void origin_with_two_numbers_is_rejected() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="b"/>
                  <joint name="j" type="fixed">
                    <origin xyz="0 1"/>
                    <parent link="a"/><child link="b"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<origin xyz=\"0 1\"", "expected 3 numbers");
    }

    @Test
    void duplicate_link_name_is_rejected_with_both_lines() {
        String xml = "<robot name=\"r\">\n" + LINK_A + "  <link name=\"a\"/>\n</robot>\n";
        assertRejected(xml, "<link name=\"a\"/>", "duplicate link name 'a'", "first at line 2");
    }

    @Test
    void joint_without_child_is_rejected() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <joint name="j" type="fixed"><parent link="a"/></joint>
                </robot>
                """;
        assertRejected(xml, "<joint name=\"j\"", "joint 'j' has no <child>");
    }

    @Test
    void inverted_limits_are_rejected() {
        String xml = "<robot name=\"r\">\n" + LINK_A + """
                  <link name="b"/>
                  <joint name="j" type="revolute">
                    <parent link="a"/><child link="b"/>
                    <limit lower="1" upper="-1" effort="1" velocity="1"/>
                  </joint>
                </robot>
                """;
        assertRejected(xml, "<limit lower=\"1\"", "joint 'j'", "lower limit 1.0 is above upper limit -1.0");
    }

    @Test
    void root_element_other_than_robot_is_rejected() {
        assertRejected("<model name=\"x\"/>\n", "<model", "must be <robot>");
    }

    @Test
    void meshes_are_kept_as_references_with_one_warning_and_primitives_become_shapes() {
        String xml = """
                <robot name="r">
                  <link name="a">
                    <visual><geometry><mesh filename="package://pkg/meshes/a.dae"/></geometry></visual>
                    <collision><geometry><mesh filename="meshes/a.stl" scale="2 2 2"/></geometry></collision>
                    <collision><origin xyz="0 0 0.1"/><geometry><box size="0.1 0.2 0.3"/></geometry></collision>
                    <collision><geometry><sphere radius="0.5"/></geometry></collision>
                    <collision><geometry><cylinder radius="0.1" length="0.4"/></geometry></collision>
                  </link>
                </robot>
                """;
        UrdfModel model = load(xml);
        assertThat(model.meshReferences()).containsExactly("meshes/a.stl", "package://pkg/meshes/a.dae");
        assertThat(model.warnings()).hasSize(1).first().asString().contains("2 mesh reference(s)");
        var shapes = model.skeleton().body("a").collisionShapes();
        assertThat(shapes).extracting(s -> s.geometry().getClass().getSimpleName())
                .containsExactly("MeshReference", "Box", "Sphere", "Cylinder");
        assertThat(shapes.get(1).geometry()).isEqualTo(new Geometry.Box(0.1, 0.2, 0.3));
        assertThat(shapes.get(1).offset().translation(2)).isEqualTo(0.1);
        // a root without a world link gets DART's free joint
        assertThat(model.skeleton().body("a").joint().type()).isEqualTo(JointType.FREE);
        assertThat(model.skeleton().body("a").joint().name()).isEqualTo(UrdfLoader.ROOT_JOINT_NAME);
    }

    @Test
    void floating_option_turns_the_weld_to_world_into_a_free_joint_and_fixed_welds_a_bare_root() {
        String xml = """
                <robot name="r">
                  <link name="world"/>
                  <joint name="base_weld" type="fixed">
                    <origin xyz="0 0 1"/><parent link="world"/><child link="a"/>
                  </joint>
                  <link name="a"/>
                </robot>
                """;
        UrdfModel auto = load(xml);
        assertThat(auto.skeleton().body("a").joint().type()).isEqualTo(JointType.WELD);
        UrdfModel floating = UrdfLoader.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.urdf",
                UrdfLoader.Options.DEFAULT.withRootJoint(UrdfLoader.RootJoint.FLOATING));
        assertThat(floating.skeleton().body("a").joint().type()).isEqualTo(JointType.FREE);
        assertThat(floating.skeleton().body("a").joint().name()).isEqualTo("base_weld");
        assertThat(floating.skeleton().body("a").worldTransform().translation(2)).isEqualTo(1.0);
        floating.skeleton().close();

        String bare = "<robot name=\"r\">\n" + LINK_A + "</robot>\n";
        UrdfModel fixed = UrdfLoader.load(new ByteArrayInputStream(bare.getBytes(StandardCharsets.UTF_8)), "t.urdf",
                UrdfLoader.Options.DEFAULT.withRootJoint(UrdfLoader.RootJoint.FIXED));
        assertThat(fixed.skeleton().dofCount()).isZero();
        fixed.skeleton().close();
    }
}
