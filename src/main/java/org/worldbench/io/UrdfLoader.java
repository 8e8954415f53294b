package org.worldbench.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.CollisionShape;
import org.worldbench.dynamics.Geometry;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.dynamics.StateStorage;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Rotations;
import org.worldbench.math.Vec3;

/**
 * Loads a URDF robot into a {@link Skeleton} the way DART 6.12's {@code DartLoader} does (golden
 * README §5.6, §10), so results compare one to one with DART:
 * <ul>
 * <li>a link named {@code world} is the inertial frame, not a body; the joints from it attach
 *     bodies to the world;</li>
 * <li>a root link that is not attached to {@code world} gets a free joint named {@code rootJoint}
 *     ({@link RootJoint#AUTO}, DART's default), or a weld ({@link RootJoint#FIXED});
 *     {@link RootJoint#FLOATING} also turns a joint from {@code world} into a free joint;</li>
 * <li>joint {@code <origin>} → the parent offset, the child offset is the identity; {@code revolute}
 *     and {@code continuous} → revolute, {@code prismatic}, {@code fixed} → weld, {@code floating} → free;</li>
 * <li>{@code <inertial><origin xyz rpy>}: the COM is xyz and the inertia is rotated into the link
 *     frame, R·I·Rᵀ; a link without {@code <inertial>} gets DART's default (1 kg, identity inertia);</li>
 * <li>{@code <dynamics damping friction>} → per-dof damping and Coulomb friction; limits are stored;</li>
 * <li>bodies are ordered depth first, the children of a link sorted by joint name.</li>
 * </ul>
 * Collision geometry: box, sphere and cylinder become {@link Geometry} shapes; meshes
 * ({@code package://} or relative paths) are kept as {@link Geometry.MeshReference}s and never
 * loaded, with one warning per file. Anything inconsistent is rejected with a {@link UrdfException}
 * naming the file, line and element.
 */
public final class UrdfLoader {

    /** How the root of the tree is attached to the world. */
    public enum RootJoint {
        /** DART's default: a free joint unless the URDF attaches the root to a {@code world} link. */
        AUTO,
        /** Always a free joint, even where the URDF welds the root to {@code world}. */
        FLOATING,
        /** A weld joint for a root not attached to {@code world}. */
        FIXED
    }

    /** Load options: root joint and where the skeleton keeps its state. */
    public record Options(RootJoint rootJoint, StateStorage storage) {
        public static final Options DEFAULT = new Options(RootJoint.AUTO, StateStorage.OFF_HEAP);

        public Options {
            Objects.requireNonNull(rootJoint, "rootJoint");
            Objects.requireNonNull(storage, "storage");
        }

        public Options withRootJoint(RootJoint r) {
            return new Options(r, storage);
        }

        public Options withStorage(StateStorage s) {
            return new Options(rootJoint, s);
        }
    }

    private static final System.Logger LOG = System.getLogger(UrdfLoader.class.getName());
    private static final String WORLD = "world";
    /** DART's name for the joint it adds above a root that has none. */
    public static final String ROOT_JOINT_NAME = "rootJoint";

    private final String source;
    private final Options options;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> meshes = new ArrayList<>();

    private UrdfLoader(String source, Options options) {
        this.source = source;
        this.options = options;
    }

    public static UrdfModel load(Path file) {
        return load(file, Options.DEFAULT);
    }

    public static UrdfModel load(Path file, Options options) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read URDF " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a URDF from the class path, e.g. {@code models/kr5.urdf} (the benchmarks' robots). */
    public static UrdfModel loadResource(String resource, Options options) {
        try (InputStream in = UrdfLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no URDF resource '" + resource + "' on the class path");
            }
            return load(in, resource, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read URDF resource " + resource, e);
        }
    }

    /** @param source the file name used in messages */
    public static UrdfModel load(InputStream in, String source, Options options) {
        return new UrdfLoader(source, options).read(XmlElement.parse(in, source));
    }

    // ------------------------------------------------------------------ model

    private record Link(XmlElement element, String name, Inertia inertia, List<CollisionShape> shapes) {
    }

    private record Joint(XmlElement element, String name, JointSpec spec, String parent, String child) {
    }

    private UrdfModel read(XmlElement robot) {
        if (!robot.name.equals("robot")) {
            throw error(robot, "the root element must be <robot>, found <" + robot.name + ">");
        }
        String robotName = required(robot, "name");
        Map<String, Link> links = new LinkedHashMap<>();
        for (XmlElement e : robot.children("link")) {
            Link link = readLink(e);
            if (links.putIfAbsent(link.name, link) != null) {
                throw error(e, "duplicate link name '" + link.name + "' (first at line " + links.get(link.name).element.line + ")");
            }
        }
        if (links.isEmpty()) {
            throw error(robot, "the robot has no <link>");
        }
        Map<String, Joint> joints = new LinkedHashMap<>();
        Map<String, Joint> parentJointOf = new HashMap<>();
        Map<String, List<Joint>> childJoints = new HashMap<>();
        for (XmlElement e : robot.children("joint")) {
            Joint joint = readJoint(e);
            if (joints.putIfAbsent(joint.name, joint) != null) {
                throw error(e, "duplicate joint name '" + joint.name + "' (first at line " + joints.get(joint.name).element.line + ")");
            }
            if (!links.containsKey(joint.parent)) {
                throw error(e, "joint '" + joint.name + "': unknown parent link '" + joint.parent + "'");
            }
            if (!links.containsKey(joint.child)) {
                throw error(e, "joint '" + joint.name + "': unknown child link '" + joint.child + "'");
            }
            if (joint.parent.equals(joint.child)) {
                throw error(e, "joint '" + joint.name + "' connects link '" + joint.child + "' to itself");
            }
            if (joint.child.equals(WORLD)) {
                throw error(e, "joint '" + joint.name + "': the link 'world' is the inertial frame and cannot be a child");
            }
            Joint other = parentJointOf.putIfAbsent(joint.child, joint);
            if (other != null) {
                throw error(e, "link '" + joint.child + "' has two parent joints: '" + other.name + "' (line "
                        + other.element.line + ") and '" + joint.name + "'");
            }
            childJoints.computeIfAbsent(joint.parent, k -> new ArrayList<>()).add(joint);
        }
        // urdfdom keeps joints in a map sorted by name, so DART visits children in that order
        childJoints.values().forEach(list -> list.sort(Comparator.comparing(Joint::name)));

        List<Link> roots = links.values().stream().filter(l -> !parentJointOf.containsKey(l.name)).toList();
        if (roots.isEmpty()) {
            Link any = links.values().iterator().next();
            throw error(any.element, "the joints form a cycle: every link has a parent joint (e.g. link '" + any.name + "')");
        }
        if (roots.size() > 1) {
            throw error(roots.get(1).element, "two root links: '" + roots.get(0).name + "' (line " + roots.get(0).element.line
                    + ") and '" + roots.get(1).name + "' have no parent joint; a URDF describes one tree");
        }
        Link root = roots.get(0);

        Skeleton skeleton = new Skeleton(robotName, options.storage());
        int[] visited = {0};
        try {
            if (root.name.equals(WORLD)) {
                visited[0]++;
                for (Joint j : childJoints.getOrDefault(WORLD, List.of())) {
                    JointSpec spec = j.spec;
                    if (options.rootJoint() == RootJoint.FLOATING && spec.dofs() != 6) {
                        spec = JointSpec.free(j.name).withParentOffset(spec.parentToJoint());
                    }
                    addSubtree(skeleton, null, spec, links.get(j.child), links, childJoints, visited);
                }
            } else {
                JointSpec rootSpec = options.rootJoint() == RootJoint.FIXED
                        ? JointSpec.weld(ROOT_JOINT_NAME) : JointSpec.free(ROOT_JOINT_NAME);
                if (joints.containsKey(ROOT_JOINT_NAME)) {
                    throw error(joints.get(ROOT_JOINT_NAME).element, "a joint may not be named '" + ROOT_JOINT_NAME
                            + "' when the root link '" + root.name + "' has no parent joint (the loader adds one of that name)");
                }
                addSubtree(skeleton, null, rootSpec, root, links, childJoints, visited);
            }
            if (visited[0] != links.size()) {
                Link lost = links.values().stream().filter(l -> !l.name.equals(WORLD) && !skeleton.hasBody(l.name))
                        .findFirst().orElseThrow();
                throw error(lost.element, "link '" + lost.name + "' is not reachable from the root '" + root.name
                        + "': its joints form a cycle");
            }
        } catch (RuntimeException e) {
            skeleton.close();
            throw e;
        }
        if (!meshes.isEmpty()) {
            String warning = source + ": " + meshes.size() + " mesh reference(s) kept as references and not loaded "
                    + "(dynamics does not need them), e.g. '" + meshes.get(0) + "'";
            warnings.add(0, warning);
            LOG.log(System.Logger.Level.WARNING, warning);
        }
        return new UrdfModel(robotName, skeleton, List.copyOf(meshes), List.copyOf(warnings));
    }

    private void addSubtree(Skeleton skeleton, BodyNode parent, JointSpec spec, Link link, Map<String, Link> links,
            Map<String, List<Joint>> childJoints, int[] visited) {
        visited[0]++;
        BodyNode body = skeleton.addBody(parent, spec, link.name, link.inertia);
        link.shapes.forEach(body::addCollisionShape);
        for (Joint j : childJoints.getOrDefault(link.name, List.of())) {
            addSubtree(skeleton, body, j.spec, links.get(j.child), links, childJoints, visited);
        }
    }

    // ------------------------------------------------------------------ elements

    private Link readLink(XmlElement e) {
        String name = required(e, "name");
        Inertia inertia = Inertia.DEFAULT;
        XmlElement inertial = e.child("inertial");
        if (inertial != null) {
            inertia = readInertial(name, inertial);
        }
        List<CollisionShape> shapes = new ArrayList<>();
        for (XmlElement collision : e.children("collision")) {
            CollisionShape shape = readGeometry(name, collision);
            if (shape != null) {
                shapes.add(shape);
            }
        }
        for (XmlElement visual : e.children("visual")) {
            XmlElement geometry = visual.child("geometry");
            XmlElement mesh = geometry == null ? null : geometry.child("mesh");
            if (mesh != null) {
                meshes.add(required(mesh, "filename"));
            }
        }
        return new Link(e, name, inertia, shapes);
    }

    private Inertia readInertial(String link, XmlElement inertial) {
        XmlElement massElement = inertial.child("mass");
        if (massElement == null) {
            throw error(inertial, "link '" + link + "': <inertial> has no <mass>");
        }
        double mass = number(massElement, "value");
        if (mass < 0) {
            throw error(massElement, "link '" + link + "': negative mass " + mass);
        }
        XmlElement i = inertial.child("inertia");
        if (i == null) {
            throw error(inertial, "link '" + link + "': <inertial> has no <inertia>");
        }
        double ixx = number(i, "ixx");
        double ixy = optionalNumber(i, "ixy", 0);
        double ixz = optionalNumber(i, "ixz", 0);
        double iyy = number(i, "iyy");
        double iyz = optionalNumber(i, "iyz", 0);
        double izz = number(i, "izz");
        String problem = Inertia.positiveDefiniteProblem(ixx, iyy, izz, ixy, ixz, iyz);
        if (problem != null) {
            throw error(i, "link '" + link + "': inertia " + problem);
        }
        Isometry3 origin = origin(inertial.child("origin"));
        double[] r = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                r[3 * a + b] = origin.rotation(a, b);
            }
        }
        return new Inertia(mass, origin.translation(), ixx, iyy, izz, ixy, ixz, iyz).rotated(r);
    }

    private CollisionShape readGeometry(String link, XmlElement collision) {
        XmlElement geometry = collision.child("geometry");
        if (geometry == null || geometry.children.isEmpty()) {
            throw error(collision, "link '" + link + "': <collision> has no <geometry>");
        }
        XmlElement g = geometry.children.get(0);
        Isometry3 offset = origin(collision.child("origin"));
        try {
            Geometry shape = switch (g.name) {
                case "box" -> {
                    double[] size = numbers(g, "size", 3);
                    yield new Geometry.Box(size[0], size[1], size[2]);
                }
                case "sphere" -> new Geometry.Sphere(number(g, "radius"));
                case "cylinder" -> new Geometry.Cylinder(number(g, "radius"), number(g, "length"));
                case "capsule" -> new Geometry.Capsule(number(g, "radius"), number(g, "length"));
                case "mesh" -> {
                    String file = required(g, "filename");
                    meshes.add(file);
                    Vec3 scale = g.attribute("scale") == null ? new Vec3(1, 1, 1) : vec(g, "scale");
                    yield new Geometry.MeshReference(file, scale);
                }
                default -> throw error(g, "link '" + link + "': unknown geometry <" + g.name + ">");
            };
            return new CollisionShape(shape, offset);
        } catch (UrdfException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(g, "link '" + link + "': " + e.getMessage());
        }
    }

    private Joint readJoint(XmlElement e) {
        String name = required(e, "name");
        String type = required(e, "type");
        XmlElement parentElement = e.child("parent");
        XmlElement childElement = e.child("child");
        if (parentElement == null) {
            throw error(e, "joint '" + name + "' has no <parent>");
        }
        if (childElement == null) {
            throw error(e, "joint '" + name + "' has no <child>");
        }
        String parent = required(parentElement, "link");
        String child = required(childElement, "link");
        XmlElement axisElement = e.child("axis");
        Vec3 axis = axisElement == null ? Vec3.UNIT_X : vec(axisElement, "xyz");
        if ((type.equals("revolute") || type.equals("continuous") || type.equals("prismatic")) && !(axis.norm() > 0)) {
            throw error(axisElement, "joint '" + name + "': the axis must not be zero");
        }
        JointSpec spec;
        try {
            spec = switch (type) {
                case "revolute", "continuous" -> JointSpec.revolute(name, axis);
                case "prismatic" -> JointSpec.prismatic(name, axis);
                case "fixed" -> JointSpec.weld(name);
                case "floating" -> JointSpec.free(name);
                case "planar" -> throw error(e, "joint '" + name + "': joint type 'planar' is not supported "
                        + "(supported: revolute, continuous, prismatic, fixed, floating)");
                default -> throw error(e, "joint '" + name + "': unknown joint type '" + type
                        + "' (supported: revolute, continuous, prismatic, fixed, floating)");
            };
            spec = spec.withParentOffset(origin(e.child("origin")));
            if (spec.dofs() == 1) {
                XmlElement limit = e.child("limit");
                if (limit != null) {
                    double effort = optionalNumber(limit, "effort", Double.POSITIVE_INFINITY);
                    double velocity = optionalNumber(limit, "velocity", Double.POSITIVE_INFINITY);
                    spec = spec.withEffortAndVelocityLimits(new double[] {effort}, new double[] {velocity});
                    if (!type.equals("continuous")) {
                        double lower = optionalNumber(limit, "lower", 0);
                        double upper = optionalNumber(limit, "upper", 0);
                        if (lower > upper) {
                            throw error(limit, "joint '" + name + "': lower limit " + lower + " is above upper limit " + upper);
                        }
                        spec = spec.withPositionLimits(new double[] {lower}, new double[] {upper});
                    }
                } else if (!type.equals("continuous")) {
                    warnings.add(source + ":" + e.line + ": joint '" + name + "' (" + type + ") has no <limit>; left unlimited");
                }
                XmlElement dynamics = e.child("dynamics");
                if (dynamics != null) {
                    double damping = optionalNumber(dynamics, "damping", 0);
                    double friction = optionalNumber(dynamics, "friction", 0);
                    if (damping < 0 || friction < 0) {
                        throw error(dynamics, "joint '" + name + "': damping and friction must be >= 0");
                    }
                    spec = spec.withDamping(damping).withCoulombFriction(friction);
                }
            }
        } catch (UrdfException ex) {
            throw ex;
        } catch (IllegalArgumentException ex) {
            throw error(e, ex.getMessage());
        }
        return new Joint(e, name, spec, parent, child);
    }

    // ------------------------------------------------------------------ attributes

    private Isometry3 origin(XmlElement origin) {
        if (origin == null) {
            return Isometry3.identity();
        }
        Vec3 xyz = origin.attribute("xyz") == null ? Vec3.ZERO : vec(origin, "xyz");
        Vec3 rpy = origin.attribute("rpy") == null ? Vec3.ZERO : vec(origin, "rpy");
        if (rpy.equals(Vec3.ZERO)) {
            return Isometry3.translation(xyz);
        }
        double[] r = new double[9];
        Rotations.rpy(rpy.x(), rpy.y(), rpy.z(), r, 0);
        return Isometry3.of(r, xyz);
    }

    private String required(XmlElement e, String attribute) {
        String value = e.attribute(attribute);
        if (value == null || value.isBlank()) {
            throw error(e, e.describe() + " needs the attribute '" + attribute + "'");
        }
        return value;
    }

    private double number(XmlElement e, String attribute) {
        return parse(e, attribute, required(e, attribute));
    }

    private double optionalNumber(XmlElement e, String attribute, double fallback) {
        String value = e.attribute(attribute);
        return value == null || value.isBlank() ? fallback : parse(e, attribute, value);
    }

    private double parse(XmlElement e, String attribute, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException ex) {
            throw error(e, e.describe() + " attribute '" + attribute + "': '" + value + "' is not a finite number");
        }
    }

    private Vec3 vec(XmlElement e, String attribute) {
        double[] v = numbers(e, attribute, 3);
        return new Vec3(v[0], v[1], v[2]);
    }

    private double[] numbers(XmlElement e, String attribute, int count) {
        String value = required(e, attribute);
        String[] parts = value.trim().split("\\s+");
        if (parts.length != count) {
            throw error(e, e.describe() + " attribute '" + attribute + "': expected " + count + " numbers, got '" + value + "'");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = parse(e, attribute, parts[i]);
        }
        return out;
    }

    private UrdfException error(XmlElement e, String message) {
        return new UrdfException(source, e == null ? 0 : e.line, message);
    }
}
