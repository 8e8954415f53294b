package org.worldbench.dynamics;

import org.worldbench.math.Vec3;

/**
 * The shape of a collision geometry attached to a body, as described by a model (URDF or code).
 * Dynamics does not use it; the collision stage of the World turns it into its own shapes.
 * Lengths are in metres.
 */
public sealed interface Geometry {

    /** A box of full side lengths (x, y, z), centred on its frame. */
    record Box(double x, double y, double z) implements Geometry {
        public Box {
            positive("box size x", x);
            positive("box size y", y);
            positive("box size z", z);
        }
    }

    /** A sphere centred on its frame. */
    record Sphere(double radius) implements Geometry {
        public Sphere {
            positive("sphere radius", radius);
        }
    }

    /** A cylinder along the frame's z axis, centred on its frame; {@code length} is the full height. */
    record Cylinder(double radius, double length) implements Geometry {
        public Cylinder {
            positive("cylinder radius", radius);
            positive("cylinder length", length);
        }
    }

    /** A capsule along z: a cylinder of full height {@code length} capped by two hemispheres. */
    record Capsule(double radius, double length) implements Geometry {
        public Capsule {
            positive("capsule radius", radius);
            positive("capsule length", length);
        }
    }

    /**
     * A mesh kept as a reference only ({@code package://…} or a path relative to the model file);
     * it is never loaded.
     */
    record MeshReference(String uri, Vec3 scale) implements Geometry {
    }

    private static void positive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }
}
