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
    /** One contact's fields, written to the workspace in one bulk copy. */
    private final double[] staged = new double[STRIDE];

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
        double[] f = staged;
        f[0] = px;
        f[1] = py;
        f[2] = pz;
        f[3] = nx;
        f[4] = ny;
        f[5] = nz;
        f[6] = depth;
        f[7] = shapeA;
        f[8] = shapeB;
        ws.copyIn(f, 0, base + (long) count * STRIDE, STRIDE);
        count++;
    }

    int count() {
        return count;
    }

    /** The fields of contact c (see the class comment) into out[0..STRIDE), one bulk copy. */
    void read(int c, double[] out) {
        ws.copyOut(base + (long) c * STRIDE, out, 0, STRIDE);
    }

    /** Field k (0..8, see the class comment) of contact c. */
    double get(int c, int k) {
        return ws.get(base + (long) c * STRIDE + k);
    }
}
