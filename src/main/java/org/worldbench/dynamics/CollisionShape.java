package org.worldbench.dynamics;

import java.util.Objects;

import org.worldbench.math.Isometry3;

/**
 * A collision geometry attached to a body.
 *
 * @param geometry the shape
 * @param offset   the shape's frame seen from the body frame
 */
public record CollisionShape(Geometry geometry, Isometry3 offset) {

    public CollisionShape {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(offset, "offset");
    }

    public static CollisionShape of(Geometry geometry) {
        return new CollisionShape(geometry, Isometry3.identity());
    }
}
