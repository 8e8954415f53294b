package org.worldbench.testsupport.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A DART golden model file (src/test/resources/golden, format dart-golden-model/1). */
public final class GoldenModel {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public static final List<String> MODELS = List.of("chain7", "chain30", "chain_ball5", "floating_chain5", "tree15", "kr5",
            "wam", "atlas");

    public final String name;
    public final JsonNode root;

    private GoldenModel(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    public static GoldenModel load(String name) {
        return new GoldenModel(name, readResource("/golden/" + name + ".json"));
    }

    public static JsonNode readResource(String path) {
        try (InputStream in = GoldenModel.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int dofs() {
        return root.get("dofs").asInt();
    }

    public List<String> dofNames() {
        List<String> names = new ArrayList<>();
        root.get("dof_names").forEach(n -> names.add(n.asString()));
        return names;
    }

    public List<String> bodyNames() {
        List<String> names = new ArrayList<>();
        root.get("bodies").forEach(b -> names.add(b.get("name").asString()));
        return names;
    }

    public List<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        root.get("cases").forEach(cases::add);
        return cases;
    }

    /** Builds the skeleton exactly as the JSON describes it (DART's body and dof order). */
    public Skeleton build(StateStorage storage) {
        Skeleton s = new Skeleton(root.get("skeleton_name").asString(), storage);
        JsonNode joints = root.get("joints");
        JsonNode bodies = root.get("bodies");
        for (int i = 0; i < joints.size(); i++) {
            JsonNode j = joints.get(i);
            JsonNode b = bodies.get(i);
            String jointName = j.get("name").asString();
            JointSpec spec = switch (j.get("type").asString()) {
                case "RevoluteJoint" -> JointSpec.revolute(jointName, vec(j.get("axis")));
                case "PrismaticJoint" -> JointSpec.prismatic(jointName, vec(j.get("axis")));
                case "BallJoint" -> JointSpec.ball(jointName);
                case "FreeJoint" -> JointSpec.free(jointName);
                case "WeldJoint" -> JointSpec.weld(jointName);
                default -> throw new IllegalArgumentException("joint type " + j.get("type"));
            };
            spec = spec.withParentOffset(Isometry3.fromRowMajor4x4(array(j.get("T_parent_body_to_joint"))))
                    .withChildOffset(Isometry3.fromRowMajor4x4(array(j.get("T_child_body_to_joint"))));
            if (spec.dofs() > 0) {
                spec = spec.withDamping(array(j.get("damping")))
                        .withSpring(array(j.get("spring_stiffness")), array(j.get("rest_position")))
                        .withCoulombFriction(array(j.get("coulomb_friction")))
                        .withPositionLimits(limits(j.get("position_lower_limit"), Double.NEGATIVE_INFINITY),
                                limits(j.get("position_upper_limit"), Double.POSITIVE_INFINITY));
            }
            JsonNode parentName = j.get("parent_body");
            BodyNode parent = parentName == null || parentName.isNull() ? null : s.body(parentName.asString());
            JsonNode inertia = b.get("inertia");
            Inertia mass = new Inertia(b.get("mass").asDouble(), vec(b.get("local_com")),
                    inertia.get(0).get(0).asDouble(), inertia.get(1).get(1).asDouble(), inertia.get(2).get(2).asDouble(),
                    inertia.get(0).get(1).asDouble(), inertia.get(0).get(2).asDouble(), inertia.get(1).get(2).asDouble());
            s.addBody(parent, spec, b.get("name").asString(), mass);
        }
        JsonNode g = root.get("gravity");
        s.setGravity(g.get(0).asDouble(), g.get(1).asDouble(), g.get(2).asDouble());
        s.setTimeStep(root.get("time_step").asDouble());
        return s;
    }

    public static Vec3 vec(JsonNode n) {
        return new Vec3(n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble());
    }

    public static double[] array(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    public static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = array(n.get(i));
        }
        return out;
    }

    private static double[] limits(JsonNode n, double infinity) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).isNull() ? infinity : n.get(i).asDouble();
        }
        return out;
    }
}
