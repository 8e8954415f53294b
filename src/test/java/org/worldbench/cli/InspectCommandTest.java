package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldbench.dynamics.StateReport;
import org.worldbench.testsupport.golden.GoldenComparison;
import org.worldbench.testsupport.golden.GoldenModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code worldbench inspect} end to end: no Spring, golden keys and values, clear errors. */
class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = WorldbenchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path resource(String resource, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** A golden case as a CASE.json: q, dq, tau, ddq_in and the golden file's dof_names. */
    private Path caseFile(GoldenModel golden, JsonNode goldenCase) throws IOException {
        ObjectNode c = GoldenModel.JSON.createObjectNode();
        c.set("dof_names", golden.root.get("dof_names"));
        for (String key : List.of("q", "dq", "tau", "ddq_in")) {
            c.set(key, goldenCase.get(key));
        }
        Path file = dir.resolve("case.json");
        Files.writeString(file, GoldenModel.JSON.writeValueAsString(c));
        return file;
    }

    @Test
    void json_output_holds_every_golden_quantity_under_the_golden_keys() throws IOException {
        GoldenModel golden = GoldenModel.load("wam");
        JsonNode goldenCase = golden.cases().get(3);
        Path urdf = resource("models/wam.urdf", "wam.urdf");

        int exit = run("inspect", "--model", urdf.toString(), "--case", caseFile(golden, goldenCase).toString(), "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode result = GoldenModel.JSON.readTree(out.toString());
        assertThat(result.get("format").asString()).isEqualTo(InspectCommand.FORMAT);
        assertThat(result.get("dofs").asInt()).isEqualTo(7);
        assertThat(result.get("dof_names")).isEqualTo(golden.root.get("dof_names"));
        assertThat(result.get("bodies").size()).isEqualTo(golden.root.get("num_bodies").asInt());
        StateReport fromJson = new StateReport(golden.bodyNames(), golden.dofNames(),
                GoldenModel.matrix(result.get("body_world_transforms")),
                GoldenModel.matrix(result.get("body_spatial_velocities")), GoldenModel.matrix(result.get("mass_matrix")),
                GoldenModel.array(result.get("coriolis_and_gravity")), GoldenModel.array(result.get("coriolis")),
                GoldenModel.array(result.get("gravity_forces")), GoldenModel.array(result.get("ddq_forward_dynamics")),
                GoldenModel.array(result.get("tau_inverse_dynamics")), GoldenModel.array(result.get("com")),
                result.get("kinetic_energy").asDouble(), result.get("potential_energy").asDouble(),
                result.get("potential_energy_com").asDouble());
        GoldenComparison comparison = new GoldenComparison();
        comparison.compareCase("inspect wam case 3", fromJson, goldenCase);
        comparison.assertAllWithinTolerance("inspect wam");
    }

    @Test
    void case_vectors_are_mapped_by_dof_name_when_the_case_gives_its_order() throws IOException {
        GoldenModel golden = GoldenModel.load("tree15"); // heap order; the URDF loads depth first
        JsonNode goldenCase = golden.cases().get(0);
        Path urdf = resource("models/tree15.urdf", "tree15.urdf");

        int exit = run("inspect", "--model", urdf.toString(), "--case", caseFile(golden, goldenCase).toString(), "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode result = GoldenModel.JSON.readTree(out.toString());
        assertThat(result.get("dof_names")).isEqualTo(golden.root.get("dof_names"));
        double[] fd = GoldenModel.array(result.get("ddq_forward_dynamics"));
        double[] expected = GoldenModel.array(goldenCase.get("ddq_forward_dynamics"));
        for (int i = 0; i < fd.length; i++) {
            assertThat(fd[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void readable_summary_names_dofs_bodies_and_energies() throws IOException {
        Path urdf = resource("models/kr5.urdf", "kr5.urdf");

        int exit = run("inspect", "--model", urdf.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("6 dofs, 7 bodies").contains("arm_to_world_fixed").contains("WELD")
                .contains("mass matrix:").contains("kinetic energy: 0.000000000 J").contains("mesh reference");
    }

    @Test
    void floating_gives_the_welded_root_a_free_joint() throws IOException {
        Path urdf = resource("models/kr5.urdf", "kr5.urdf");

        int exit = run("inspect", "--model", urdf.toString(), "--floating", "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode result = GoldenModel.JSON.readTree(out.toString());
        assertThat(result.get("dofs").asInt()).isEqualTo(12);
        assertThat(result.get("root_joint_type").asString()).isEqualTo("FREE");
    }

    @Test
    void a_case_vector_of_the_wrong_length_is_rejected_naming_the_key() throws IOException {
        Path urdf = resource("models/kr5.urdf", "kr5.urdf");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"q\": [0, 0, 0], \"dq\": [0, 0, 0, 0, 0, 0]}");

        int exit = run("inspect", "--model", urdf.toString(), "--case", bad.toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("'q' must be an array of 6 numbers").contains("got 3 entries");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void an_unknown_dof_name_is_rejected_naming_it() throws IOException {
        Path urdf = resource("models/kr5.urdf", "kr5.urdf");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"dof_names\": [\"a1\", \"a2\", \"a3\", \"a4\", \"a5\", \"elbow\"]}");

        int exit = run("inspect", "--model", urdf.toString(), "--case", bad.toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("'dof_names'[0] = 'a1' is not a dof of the model");
    }

    @Test
    void a_malformed_urdf_is_reported_with_file_and_line() throws IOException {
        Path urdf = dir.resolve("broken.urdf");
        Files.writeString(urdf, "<robot name=\"r\">\n  <link name=\"a\">\n    <inertial><mass value=\"-1\"/>"
                + "<inertia ixx=\"1\" iyy=\"1\" izz=\"1\"/></inertial>\n  </link>\n</robot>\n");

        int exit = run("inspect", "--model", urdf.toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("broken.urdf:3:").contains("negative mass");
    }

    @Test
    void a_missing_model_file_is_reported() {
        int exit = run("inspect", "--model", dir.resolve("nope.urdf").toString());

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("--model: no such file");
    }
}
