package org.worldbench.constraint;

import org.worldbench.collision.ContactSink;

/**
 * The contacts of one step, in the workspace: per contact the point (3, m, world), the normal
 * (3, unit, from B towards A), the depth (m) and the two shape numbers, 9 doubles.
 */
final class ContactBuffer implements ContactSink {

    static final int STRIDE = 9;

    private Workspace ws;
    private long base;
    private int capacity;
    private int count;

    void begin(Workspace workspace, int maxContacts) {
        ws = workspace;
        capacity = maxContacts;
        count = 0;
        base = maxContacts == 0 ? 0 : ws.alloc(maxContacts * STRIDE);
    }

    @Override
    public boolean hasRoom() {
        return count < capacity;
    }

    @Override
    public void add(int shapeA, int shapeB, double px, double py, double pz, double nx, double ny, double nz,
                    double depth) {
        long c = base + (long) count * STRIDE;
        ws.set(c, px);
        ws.set(c + 1, py);
        ws.set(c + 2, pz);
        ws.set(c + 3, nx);
        ws.set(c + 4, ny);
        ws.set(c + 5, nz);
        ws.set(c + 6, depth);
        ws.set(c + 7, shapeA);
        ws.set(c + 8, shapeB);
        count++;
    }

    int count() {
        return count;
    }

    /** Field k (0..8, see the class comment) of contact c. */
    double get(int c, int k) {
        return ws.get(base + (long) c * STRIDE + k);
    }
}
