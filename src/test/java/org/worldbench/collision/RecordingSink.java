package org.worldbench.collision;

import java.util.ArrayList;
import java.util.List;

/** Collects contacts for assertions. */
final class RecordingSink implements ContactSink {

    record Contact(int a, int b, double px, double py, double pz, double nx, double ny, double nz, double depth) {
    }

    final List<Contact> contacts = new ArrayList<>();
    int capacity = Integer.MAX_VALUE;

    @Override
    public boolean hasRoom() {
        return contacts.size() < capacity;
    }

    @Override
    public void add(int shapeA, int shapeB, double px, double py, double pz, double nx, double ny, double nz,
                    double depth) {
        contacts.add(new Contact(shapeA, shapeB, px, py, pz, nx, ny, nz, depth));
    }
}
