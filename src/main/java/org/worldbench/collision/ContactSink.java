package org.worldbench.collision;

/**
 * Receives the contacts the narrow phase finds. DART's convention: the normal points from shape B
 * towards shape A (unit length, world frame), the point is in world coordinates (m) and the depth is
 * the penetration (m, positive when the shapes overlap).
 */
public interface ContactSink {

    /** Whether another contact may be added (DART caps a detection at its maximum contact count). */
    boolean hasRoom();

    void add(int shapeA, int shapeB, double px, double py, double pz, double nx, double ny, double nz, double depth);
}
