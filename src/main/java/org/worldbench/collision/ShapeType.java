package org.worldbench.collision;

/**
 * The shapes the narrow phase handles, with the size parameters {@link CollisionWorld} stores for
 * each (3 doubles per shape). A ground is a {@link #BOX} on a welded body, as in DART's scenes.
 */
public enum ShapeType {
    /** Half extents x, y, z (m). */
    BOX,
    /** Radius (m), 0, 0. */
    SPHERE,
    /** Radius (m), half length of the axis segment along local z (m), 0. */
    CAPSULE
}
