package org.worldbench.constraint;

/**
 * Groups the step's contacts into islands: skeletons joined by contacts between two mobile
 * skeletons (union–find), so each island's LCP is independent. A skeleton without degrees of freedom
 * (the welded ground) joins nothing, as in DART. Islands are numbered in order of their first
 * contact, and each island's contacts keep detection order (a stable counting sort), so the LCPs do
 * not depend on how the union–find happens to link its trees. All arrays live in the workspace.
 */
final class Islands {

    int count;
    /** Island k's contacts are order[starts[k] .. starts[k+1]). */
    long starts;
    long order;
    /** Island number per skeleton, −1 for a skeleton in no island. */
    long skeletonIsland;

    void build(Workspace w, ConstraintSolver solver, int m) {
        int s = solver.skeletonCount();
        long parent = w.alloc(s);
        for (int i = 0; i < s; i++) {
            w.set(parent + i, i);
        }
        ContactBuffer c = solver.contacts();
        for (int k = 0; k < m; k++) {
            int a = solver.skeletonIndexOfShape((int) c.get(k, 7));
            int b = solver.skeletonIndexOfShape((int) c.get(k, 8));
            if (solver.isMobile(a) && solver.isMobile(b)) {
                int ra = find(w, parent, a);
                int rb = find(w, parent, b);
                if (ra != rb) {
                    w.set(parent + Math.max(ra, rb), Math.min(ra, rb));
                }
            }
        }
        long label = w.alloc(s);
        for (int i = 0; i < s; i++) {
            w.set(label + i, -1);
        }
        long contactIsland = w.alloc(m);
        count = 0;
        for (int k = 0; k < m; k++) {
            int a = solver.skeletonIndexOfShape((int) c.get(k, 7));
            int mobile = solver.isMobile(a) ? a : solver.skeletonIndexOfShape((int) c.get(k, 8));
            int root = find(w, parent, mobile);
            if (w.get(label + root) < 0) {
                w.set(label + root, count++);
            }
            w.set(contactIsland + k, w.get(label + root));
        }
        skeletonIsland = w.alloc(s);
        for (int i = 0; i < s; i++) {
            w.set(skeletonIsland + i, solver.isMobile(i) ? w.get(label + find(w, parent, i)) : -1);
        }
        starts = w.alloc(count + 1);
        for (int k = 0; k < m; k++) {
            w.add(starts + w.getInt(contactIsland + k) + 1, 1);
        }
        for (int i = 0; i < count; i++) {
            w.add(starts + i + 1, w.get(starts + i));
        }
        long next = w.alloc(count);
        for (int i = 0; i < count; i++) {
            w.set(next + i, w.get(starts + i));
        }
        order = w.alloc(m);
        for (int k = 0; k < m; k++) {
            int isl = w.getInt(contactIsland + k);
            int pos = w.getInt(next + isl);
            w.set(order + pos, k);
            w.set(next + isl, pos + 1);
        }
    }

    private static int find(Workspace w, long parent, int i) {
        while (w.getInt(parent + i) != i) {
            i = w.getInt(parent + i);
        }
        return i;
    }
}
