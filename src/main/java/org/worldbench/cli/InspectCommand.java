package org.worldbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateReport;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.io.UrdfLoader;
import org.worldbench.io.UrdfModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code worldbench inspect}: loads a URDF and prints, for one state, the quantities DART's golden
 * files hold under the same keys. Pure engine computation: no Spring, no database.
 *
 * <p>The JSON output ({@code --json}, format {@value #FORMAT}) is a stable interface: keys are only
 * ever added. Vectors are in the case file's {@code dof_names} order when it gives one, else in the
 * model's order (DART's: depth first, siblings by joint name); {@code dof_names} says which.
 */
@Command(name = "inspect",
        description = {"Load a URDF model and print its dofs, bodies and, for one state, the world transforms, "
                + "spatial velocities, mass matrix, Coriolis and gravity forces, forward and inverse dynamics, "
                + "centre of mass and energies (the quantities and keys of DART's golden files).",
            "CASE.json holds q, dq, tau and ddq_in (missing vectors are zero); with dof_names its vectors are in "
                + "that order and are mapped by name."})
final class InspectCommand implements Callable<Integer> {

    static final String FORMAT = "worldbench-inspect/1";

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The URDF file.")
    private Path model;

    @Option(names = "--case", paramLabel = "CASE.json",
            description = "The state: q, dq, tau, ddq_in (and optionally dof_names). Default: all zero.")
    private Path caseFile;

    @Option(names = "--floating",
            description = "Give the root a free joint even where the URDF welds it to a 'world' link.")
    private boolean floating;

    @Option(names = "--json", description = "Print JSON (stable keys) instead of a readable summary.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model: no such file: " + model);
        }
        UrdfLoader.Options options = UrdfLoader.Options.DEFAULT.withStorage(StateStorage.HEAP)
                .withRootJoint(floating ? UrdfLoader.RootJoint.FLOATING : UrdfLoader.RootJoint.AUTO);
        UrdfModel loaded = UrdfLoader.load(model, options);
        try (Skeleton skeleton = loaded.skeleton()) {
            List<String> modelDofs = skeleton.dofNames();
            CaseInput input = caseFile == null ? CaseInput.zero(modelDofs) : CaseInput.read(caseFile, modelDofs);
            int n = modelDofs.size();
            int[] toModel = input.toModel;
            StateReport r = StateReport.compute(skeleton, input.inModelOrder("q"), input.inModelOrder("dq"),
                    input.inModelOrder("tau"), input.inModelOrder("ddq_in"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("format", FORMAT);
            out.put("model", model.getFileName().toString());
            out.put("skeleton_name", skeleton.name());
            out.put("root_joint_type", skeleton.bodyCount() > 0 ? skeleton.body(0).joint().type().name() : null);
            out.put("root_joint_name", skeleton.bodyCount() > 0 ? skeleton.body(0).joint().name() : null);
            out.put("dofs", n);
            out.put("num_bodies", skeleton.bodyCount());
            out.put("total_mass", skeleton.totalMass());
            out.put("dof_names", input.dofNames);
            out.put("bodies", r.bodyNames());
            out.put("body_parents", skeleton.bodies().stream()
                    .map(b -> b.parent() == null ? null : b.parent().name()).toList());
            out.put("body_joint_types", skeleton.bodies().stream().map(b -> b.joint().type().name()).toList());
            out.put("q", input.vectors.get("q"));
            out.put("dq", input.vectors.get("dq"));
            out.put("tau", input.vectors.get("tau"));
            out.put("ddq_in", input.vectors.get("ddq_in"));
            out.put("body_world_transforms", r.bodyWorldTransforms());
            out.put("body_spatial_velocities", r.bodySpatialVelocities());
            double[][] mass = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    mass[a][b] = r.massMatrix()[toModel[a]][toModel[b]];
                }
            }
            out.put("mass_matrix", mass);
            out.put("coriolis_and_gravity", inCaseOrder(r.coriolisAndGravity(), toModel));
            out.put("coriolis", inCaseOrder(r.coriolis(), toModel));
            out.put("gravity_forces", inCaseOrder(r.gravityForces(), toModel));
            out.put("ddq_forward_dynamics", inCaseOrder(r.ddqForwardDynamics(), toModel));
            out.put("tau_inverse_dynamics", inCaseOrder(r.tauInverseDynamics(), toModel));
            out.put("com", r.com());
            out.put("kinetic_energy", r.kineticEnergy());
            out.put("potential_energy", r.potentialEnergy());
            out.put("potential_energy_com", r.potentialEnergyCom());
            out.put("warnings", loaded.warnings());
            PrintWriter writer = spec.commandLine().getOut();
            if (json) {
                writer.println(JSON.writeValueAsString(out));
            } else {
                printSummary(writer, skeleton, out, input.dofNames, mass);
            }
            writer.flush();
        }
        return ExitCode.OK;
    }

    private static double[] inCaseOrder(double[] modelOrder, int[] toModel) {
        double[] out = new double[toModel.length];
        for (int k = 0; k < toModel.length; k++) {
            out[k] = modelOrder[toModel[k]];
        }
        return out;
    }

    private static void printSummary(PrintWriter w, Skeleton skeleton, Map<String, Object> out, List<String> dofNames,
            double[][] mass) {
        w.printf(Locale.ROOT, "%s: skeleton '%s', %d dofs, %d bodies, total mass %.6g kg%n", out.get("model"),
                skeleton.name(), skeleton.dofCount(), skeleton.bodyCount(), skeleton.totalMass());
        w.println();
        w.println("bodies (parent joint, world position of the body origin in m):");
        double[][] transforms = (double[][]) out.get("body_world_transforms");
        for (BodyNode b : skeleton.bodies()) {
            double[] t = transforms[b.index()];
            w.printf(Locale.ROOT, "  %-40s %-9s %-28s (%.4f, %.4f, %.4f)%n", b.name(), b.joint().type(),
                    b.joint().name(), t[3], t[7], t[11]);
        }
        w.println();
        w.printf(Locale.ROOT, "  %-24s %12s %12s %12s %12s %14s %14s %14s%n", "dof", "q", "dq", "tau", "ddq_in",
                "ddq (FD)", "tau (ID)", "c + g");
        double[] q = (double[]) out.get("q");
        double[] dq = (double[]) out.get("dq");
        double[] tau = (double[]) out.get("tau");
        double[] ddqIn = (double[]) out.get("ddq_in");
        double[] fd = (double[]) out.get("ddq_forward_dynamics");
        double[] id = (double[]) out.get("tau_inverse_dynamics");
        double[] cg = (double[]) out.get("coriolis_and_gravity");
        for (int i = 0; i < dofNames.size(); i++) {
            w.printf(Locale.ROOT, "  %-24s %12.6g %12.6g %12.6g %12.6g %14.8g %14.8g %14.8g%n", dofNames.get(i), q[i],
                    dq[i], tau[i], ddqIn[i], fd[i], id[i], cg[i]);
        }
        w.println();
        if (mass.length <= 8) {
            w.println("mass matrix:");
            for (double[] row : mass) {
                StringBuilder line = new StringBuilder("  ");
                for (double v : row) {
                    line.append(String.format(Locale.ROOT, "%13.6g", v));
                }
                w.println(line);
            }
        } else {
            StringBuilder line = new StringBuilder("mass matrix diagonal (--json for all of it):");
            for (int i = 0; i < mass.length; i++) {
                line.append(String.format(Locale.ROOT, " %.6g", mass[i][i]));
            }
            w.println(line);
        }
        double[] com = (double[]) out.get("com");
        w.printf(Locale.ROOT, "centre of mass: (%.6g, %.6g, %.6g) m%n", com[0], com[1], com[2]);
        w.printf(Locale.ROOT, "kinetic energy: %.10g J%n", (double) out.get("kinetic_energy"));
        w.printf(Locale.ROOT, "potential energy: %.10g J (DART's, body origins); %.10g J (centre of mass)%n",
                (double) out.get("potential_energy"), (double) out.get("potential_energy_com"));
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) out.get("warnings");
        warnings.forEach(x -> w.println("note: " + x));
    }

    /** The case file: the four input vectors, in its own dof order, and the map to the model's order. */
    private static final class CaseInput {
        static final List<String> VECTORS = List.of("q", "dq", "tau", "ddq_in");

        final List<String> dofNames;
        final int[] toModel; // case dof k → model dof toModel[k]
        final Map<String, double[]> vectors = new LinkedHashMap<>();

        private CaseInput(List<String> dofNames, int[] toModel) {
            this.dofNames = dofNames;
            this.toModel = toModel;
        }

        static CaseInput zero(List<String> modelDofs) {
            CaseInput in = new CaseInput(modelDofs, identity(modelDofs.size()));
            VECTORS.forEach(v -> in.vectors.put(v, new double[modelDofs.size()]));
            return in;
        }

        static CaseInput read(Path file, List<String> modelDofs) throws IOException {
            String where = "--case " + file.getFileName();
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(file));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException(where + ": no such file");
            }
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(where + ": expected a JSON object with q, dq, tau, ddq_in");
            }
            int n = modelDofs.size();
            CaseInput in;
            JsonNode names = root.get("dof_names");
            if (names == null || names.isNull()) {
                in = new CaseInput(modelDofs, identity(n));
            } else {
                if (!names.isArray() || names.size() != n) {
                    throw new IllegalArgumentException(where + ": 'dof_names' must list the model's " + n + " dofs, got "
                            + (names.isArray() ? names.size() + " names" : names.getNodeType()));
                }
                List<String> caseNames = new ArrayList<>();
                int[] toModel = new int[n];
                boolean[] seen = new boolean[n];
                for (int k = 0; k < n; k++) {
                    String name = names.get(k).asString();
                    int index = modelDofs.indexOf(name);
                    if (index < 0) {
                        throw new IllegalArgumentException(where + ": 'dof_names'[" + k + "] = '" + name
                                + "' is not a dof of the model (its dofs: " + String.join(", ", modelDofs) + ")");
                    }
                    if (seen[index]) {
                        throw new IllegalArgumentException(where + ": 'dof_names' lists '" + name + "' twice");
                    }
                    seen[index] = true;
                    toModel[k] = index;
                    caseNames.add(name);
                }
                in = new CaseInput(caseNames, toModel);
            }
            for (String key : VECTORS) {
                JsonNode v = root.get(key);
                double[] values = new double[n];
                if (v != null && !v.isNull()) {
                    if (!v.isArray() || v.size() != n) {
                        throw new IllegalArgumentException(where + ": '" + key + "' must be an array of " + n
                                + " numbers (one per dof), got " + (v.isArray() ? v.size() + " entries" : v.getNodeType()));
                    }
                    for (int i = 0; i < n; i++) {
                        if (!v.get(i).isNumber()) {
                            throw new IllegalArgumentException(where + ": '" + key + "'[" + i + "] is not a number: "
                                    + v.get(i));
                        }
                        values[i] = v.get(i).asDouble();
                    }
                }
                in.vectors.put(key, values);
            }
            return in;
        }

        double[] inModelOrder(String key) {
            double[] caseOrder = vectors.get(key);
            double[] out = new double[caseOrder.length];
            for (int k = 0; k < caseOrder.length; k++) {
                out[toModel[k]] = caseOrder[k];
            }
            return out;
        }

        private static int[] identity(int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = i;
            }
            return out;
        }
    }
}
