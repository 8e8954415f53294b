package org.worldbench.collision;

/**
 * Box–box contact manifold: a port of ODE's {@code dBoxBox} as DART 6.12's
 * {@code DARTCollide.cpp} carries it (separating-axis test over the 15 axes, then either one
 * edge–edge point or the incident face clipped against the reference face, culled to at most four
 * points). Rotations here are 3×3 row-major (ODE uses a 4-stride layout); the arithmetic is otherwise
 * the same, expression by expression.
 *
 * <p>All temporaries are fields, so a collision allocates nothing; one instance per thread.
 */
final class BoxBox {

    private static final double FUDGE_FACTOR = 1.05;
    private static final int MAX_CONTACTS = 4;

    private final double[] normalC = new double[3];
    private final double[] normal = new double[3];
    private final double[] pp = new double[3];
    private final double[] pa = new double[3];
    private final double[] pb = new double[3];
    private final double[] ua = new double[3];
    private final double[] ub = new double[3];
    private final double[] center = new double[3];
    private final double[] nr = new double[3];
    private final double[] normal2 = new double[3];
    private final double[] quad = new double[8];
    private final double[] rect = new double[2];
    private final double[] ret = new double[16];
    private final double[] buffer = new double[16];
    private final double[] point = new double[24];
    private final double[] dep = new double[8];
    private final double[] angles = new double[8];
    private final boolean[] avail = new boolean[8];
    private final int[] iret = new int[8];
    private double alpha;
    private double beta;

    /**
     * DART's {@code collideBoxBox(o1, o2, ...)}: calls {@code dBoxBox} with box 1 = B and box 2 = A,
     * so the normal points from B towards A.
     *
     * @param halfA half extents of box A; {@code ta} its pose (R row-major, p: 12 doubles at {@code oa})
     * @return the number of contacts added
     */
    int collide(int shapeA, double[] halfA, int ha, double[] ta, int oa,
                int shapeB, double[] halfB, int hb, double[] tb, int ob, ContactSink sink) {
        return dBoxBox(shapeA, shapeB, tb, ob, halfB, hb, ta, oa, halfA, ha, sink);
    }

    /** Column a of R1 dotted with column b of R2. */
    private static double cc(double[] t1, int o1, int a, double[] t2, int o2, int b) {
        return t1[o1 + a] * t2[o2 + b] + t1[o1 + 3 + a] * t2[o2 + 3 + b] + t1[o1 + 6 + a] * t2[o2 + 6 + b];
    }

    /** Column k of R dotted with vector v. */
    private static double cv(double[] t, int o, int k, double[] v) {
        return t[o + k] * v[0] + t[o + 3 + k] * v[1] + t[o + 6 + k] * v[2];
    }

    private static double cv(double[] t, int o, int k, double x, double y, double z) {
        return t[o + k] * x + t[o + 3 + k] * y + t[o + 6 + k] * z;
    }

    // box 1 = (t1 pose at o1, half extents s1), box 2 = (t2, s2); the normal points from box 1 to box 2
    private int dBoxBox(int shapeA, int shapeB, double[] t1, int o1, double[] s1, int h1,
                        double[] t2, int o2, double[] s2, int h2, ContactSink sink) {
        final double px = t2[o2 + 9] - t1[o1 + 9];
        final double py = t2[o2 + 10] - t1[o1 + 10];
        final double pz = t2[o2 + 11] - t1[o1 + 11];
        pp[0] = cv(t1, o1, 0, px, py, pz);
        pp[1] = cv(t1, o1, 1, px, py, pz);
        pp[2] = cv(t1, o1, 2, px, py, pz);
        final double a0 = s1[h1], a1 = s1[h1 + 1], a2 = s1[h1 + 2];
        final double b0 = s2[h2], b1 = s2[h2 + 1], b2 = s2[h2 + 2];

        final double r11 = cc(t1, o1, 0, t2, o2, 0), r12 = cc(t1, o1, 0, t2, o2, 1), r13 = cc(t1, o1, 0, t2, o2, 2);
        final double r21 = cc(t1, o1, 1, t2, o2, 0), r22 = cc(t1, o1, 1, t2, o2, 1), r23 = cc(t1, o1, 1, t2, o2, 2);
        final double r31 = cc(t1, o1, 2, t2, o2, 0), r32 = cc(t1, o1, 2, t2, o2, 1), r33 = cc(t1, o1, 2, t2, o2, 2);
        final double q11 = Math.abs(r11), q12 = Math.abs(r12), q13 = Math.abs(r13);
        final double q21 = Math.abs(r21), q22 = Math.abs(r22), q23 = Math.abs(r23);
        final double q31 = Math.abs(r31), q32 = Math.abs(r32), q33 = Math.abs(r33);

        // separating axes; normalBox: 1 = a column of R1, 2 = a column of R2, 0 = normalC (box-1 frame)
        s = -1e12;
        invert = false;
        code = 0;
        normalBox = 0;
        normalAxis = 0;
        faceTest(pp[0], a0 + b0 * q11 + b1 * q12 + b2 * q13, 1, 0, 1);
        faceTest(pp[1], a1 + b0 * q21 + b1 * q22 + b2 * q23, 1, 1, 2);
        faceTest(pp[2], a2 + b0 * q31 + b1 * q32 + b2 * q33, 1, 2, 3);
        faceTest(cv(t2, o2, 0, px, py, pz), a0 * q11 + a1 * q21 + a2 * q31 + b0, 2, 0, 4);
        faceTest(cv(t2, o2, 1, px, py, pz), a0 * q12 + a1 * q22 + a2 * q32 + b1, 2, 1, 5);
        faceTest(cv(t2, o2, 2, px, py, pz), a0 * q13 + a1 * q23 + a2 * q33 + b2, 2, 2, 6);

        edgeTest(pp[2] * r21 - pp[1] * r31, a1 * q31 + a2 * q21 + b1 * q13 + b2 * q12, 0, -r31, r21, 7);
        edgeTest(pp[2] * r22 - pp[1] * r32, a1 * q32 + a2 * q22 + b0 * q13 + b2 * q11, 0, -r32, r22, 8);
        edgeTest(pp[2] * r23 - pp[1] * r33, a1 * q33 + a2 * q23 + b0 * q12 + b1 * q11, 0, -r33, r23, 9);
        edgeTest(pp[0] * r31 - pp[2] * r11, a0 * q31 + a2 * q11 + b1 * q23 + b2 * q22, r31, 0, -r11, 10);
        edgeTest(pp[0] * r32 - pp[2] * r12, a0 * q32 + a2 * q12 + b0 * q23 + b2 * q21, r32, 0, -r12, 11);
        edgeTest(pp[0] * r33 - pp[2] * r13, a0 * q33 + a2 * q13 + b0 * q22 + b1 * q21, r33, 0, -r13, 12);
        edgeTest(pp[1] * r11 - pp[0] * r21, a0 * q21 + a1 * q11 + b1 * q33 + b2 * q32, -r21, r11, 0, 13);
        edgeTest(pp[1] * r12 - pp[0] * r22, a0 * q22 + a1 * q12 + b0 * q33 + b2 * q31, -r22, r12, 0, 14);
        edgeTest(pp[1] * r13 - pp[0] * r23, a0 * q23 + a1 * q13 + b0 * q32 + b1 * q31, -r23, r13, 0, 15);

        if (code == 0 || s > 0.0) {
            return 0;
        }
        // the normal in world coordinates
        if (normalBox == 1) {
            set(normal, t1[o1 + normalAxis], t1[o1 + 3 + normalAxis], t1[o1 + 6 + normalAxis]);
        } else if (normalBox == 2) {
            set(normal, t2[o2 + normalAxis], t2[o2 + 3 + normalAxis], t2[o2 + 6 + normalAxis]);
        } else {
            set(normal,
                    t1[o1] * normalC[0] + t1[o1 + 1] * normalC[1] + t1[o1 + 2] * normalC[2],
                    t1[o1 + 3] * normalC[0] + t1[o1 + 4] * normalC[1] + t1[o1 + 5] * normalC[2],
                    t1[o1 + 6] * normalC[0] + t1[o1 + 7] * normalC[1] + t1[o1 + 8] * normalC[2]);
        }
        if (invert) {
            set(normal, -normal[0], -normal[1], -normal[2]);
        }

        if (code > 6) {
            return edgeEdge(shapeA, shapeB, t1, o1, s1, h1, t2, o2, s2, h2, sink);
        }
        return faceContact(shapeA, shapeB, t1, o1, s1, h1, t2, o2, s2, h2, sink);
    }

    // separating-axis bookkeeping (ODE's TST macros)
    private double s;
    private boolean invert;
    private int code;
    private int normalBox;
    private int normalAxis;

    private void faceTest(double expr1, double expr2, int box, int axis, int cc) {
        double s2 = Math.abs(expr1) - expr2;
        if (s2 > s) {
            s = s2;
            normalBox = box;
            normalAxis = axis;
            invert = expr1 < 0;
            code = cc;
        }
    }

    private void edgeTest(double expr1, double expr2, double n1, double n2, double n3, int cc) {
        double s2 = Math.abs(expr1) - expr2;
        double l = Math.sqrt(n1 * n1 + n2 * n2 + n3 * n3);
        if (l > 0) {
            s2 /= l;
            if (s2 * FUDGE_FACTOR > s) {
                s = s2;
                normalBox = 0;
                normalC[0] = n1 / l;
                normalC[1] = n2 / l;
                normalC[2] = n3 / l;
                invert = expr1 < 0;
                code = cc;
            }
        }
    }

    private int edgeEdge(int shapeA, int shapeB, double[] t1, int o1, double[] s1, int h1,
                         double[] t2, int o2, double[] s2, int h2, ContactSink sink) {
        // a point on the intersecting edge of box 1
        for (int i = 0; i < 3; i++) {
            pa[i] = t1[o1 + 9 + i];
        }
        for (int j = 0; j < 3; j++) {
            double sign = cv(t1, o1, j, normal) > 0 ? 1.0 : -1.0;
            for (int i = 0; i < 3; i++) {
                pa[i] += sign * s1[h1 + j] * t1[o1 + 3 * i + j];
            }
        }
        // a point on the intersecting edge of box 2
        for (int i = 0; i < 3; i++) {
            pb[i] = t2[o2 + 9 + i];
        }
        for (int j = 0; j < 3; j++) {
            double sign = cv(t2, o2, j, normal) > 0 ? -1.0 : 1.0;
            for (int i = 0; i < 3; i++) {
                pb[i] += sign * s2[h2 + j] * t2[o2 + 3 * i + j];
            }
        }
        int ca = (code - 7) / 3;
        int cb = (code - 7) % 3;
        for (int i = 0; i < 3; i++) {
            ua[i] = t1[o1 + 3 * i + ca];
            ub[i] = t2[o2 + 3 * i + cb];
        }
        lineClosestApproach();
        for (int i = 0; i < 3; i++) {
            pa[i] += ua[i] * alpha;
            pb[i] += ub[i] * beta;
        }
        if (!sink.hasRoom()) {
            return 0;
        }
        sink.add(shapeA, shapeB, 0.5 * (pa[0] + pb[0]), 0.5 * (pa[1] + pb[1]), 0.5 * (pa[2] + pb[2]),
                normal[0], normal[1], normal[2], -s);
        return 1;
    }

    private void lineClosestApproach() {
        double px = pb[0] - pa[0], py = pb[1] - pa[1], pz = pb[2] - pa[2];
        double uaub = ua[0] * ub[0] + ua[1] * ub[1] + ua[2] * ub[2];
        double q1 = ua[0] * px + ua[1] * py + ua[2] * pz;
        double q2 = -(ub[0] * px + ub[1] * py + ub[2] * pz);
        double d = 1 - uaub * uaub;
        if (d <= 0) {
            alpha = 0;
            beta = 0;
        } else {
            d = 1.0 / d;
            alpha = (q1 + uaub * q2) * d;
            beta = (uaub * q1 + q2) * d;
        }
    }

    private int faceContact(int shapeA, int shapeB, double[] t1, int o1, double[] s1, int h1,
                            double[] t2, int o2, double[] s2, int h2, ContactSink sink) {
        // reference face a (perpendicular to the normal) and incident face b
        final boolean refIs1 = code <= 3;
        final double[] ra = refIs1 ? t1 : t2;
        final int oa = refIs1 ? o1 : o2;
        final double[] rb = refIs1 ? t2 : t1;
        final int ob = refIs1 ? o2 : o1;
        final double[] sa = refIs1 ? s1 : s2;
        final int ha = refIs1 ? h1 : h2;
        final double[] sb = refIs1 ? s2 : s1;
        final int hb = refIs1 ? h2 : h1;
        if (refIs1) {
            set(normal2, normal[0], normal[1], normal[2]);
        } else {
            set(normal2, -normal[0], -normal[1], -normal[2]);
        }
        nr[0] = cv(rb, ob, 0, normal2);
        nr[1] = cv(rb, ob, 1, normal2);
        nr[2] = cv(rb, ob, 2, normal2);
        double anr0 = Math.abs(nr[0]), anr1 = Math.abs(nr[1]), anr2 = Math.abs(nr[2]);
        int lanr, x1, x2;
        if (anr1 > anr0) {
            if (anr1 > anr2) {
                x1 = 0; lanr = 1; x2 = 2;
            } else {
                x1 = 0; x2 = 1; lanr = 2;
            }
        } else {
            if (anr0 > anr2) {
                lanr = 0; x1 = 1; x2 = 2;
            } else {
                x1 = 0; x2 = 1; lanr = 2;
            }
        }
        // centre of the incident face, relative to the reference box's centre
        for (int i = 0; i < 3; i++) {
            double c = rb[ob + 9 + i] - ra[oa + 9 + i];
            double e = sb[hb + lanr] * rb[ob + 3 * i + lanr];
            center[i] = nr[lanr] < 0 ? c + e : c - e;
        }
        int codeN = refIs1 ? code - 1 : code - 4;
        int code1, code2;
        if (codeN == 0) {
            code1 = 1; code2 = 2;
        } else if (codeN == 1) {
            code1 = 0; code2 = 2;
        } else {
            code1 = 0; code2 = 1;
        }
        // the incident face's corners in reference-face coordinates
        double c1 = cv(ra, oa, code1, center);
        double c2 = cv(ra, oa, code2, center);
        double m11 = cc(ra, oa, code1, rb, ob, x1);
        double m12 = cc(ra, oa, code1, rb, ob, x2);
        double m21 = cc(ra, oa, code2, rb, ob, x1);
        double m22 = cc(ra, oa, code2, rb, ob, x2);
        double k1 = m11 * sb[hb + x1];
        double k2 = m21 * sb[hb + x1];
        double k3 = m12 * sb[hb + x2];
        double k4 = m22 * sb[hb + x2];
        quad[0] = c1 - k1 - k3;
        quad[1] = c2 - k2 - k4;
        quad[2] = c1 - k1 + k3;
        quad[3] = c2 - k2 + k4;
        quad[4] = c1 + k1 + k3;
        quad[5] = c2 + k2 + k4;
        quad[6] = c1 + k1 - k3;
        quad[7] = c2 + k2 - k4;
        rect[0] = sa[ha + code1];
        rect[1] = sa[ha + code2];

        int n = intersectRectQuad();
        if (n < 1) {
            return 0;
        }
        // back to 3D, keeping the points with a non-negative depth
        double det1 = 1.0 / (m11 * m22 - m12 * m21);
        m11 *= det1;
        m12 *= det1;
        m21 *= det1;
        m22 *= det1;
        int cnum = 0;
        for (int j = 0; j < n; j++) {
            double l1 = m22 * (ret[j * 2] - c1) - m12 * (ret[j * 2 + 1] - c2);
            double l2 = -m21 * (ret[j * 2] - c1) + m11 * (ret[j * 2 + 1] - c2);
            for (int i = 0; i < 3; i++) {
                point[cnum * 3 + i] = center[i] + l1 * rb[ob + 3 * i + x1] + l2 * rb[ob + 3 * i + x2];
            }
            dep[cnum] = sa[ha + codeN] - (normal2[0] * point[cnum * 3] + normal2[1] * point[cnum * 3 + 1]
                    + normal2[2] * point[cnum * 3 + 2]);
            if (dep[cnum] >= 0) {
                ret[cnum * 2] = ret[j * 2];
                ret[cnum * 2 + 1] = ret[j * 2 + 1];
                cnum++;
            }
        }
        if (cnum < 1) {
            return 0;
        }
        final double pax = ra[oa + 9], pay = ra[oa + 10], paz = ra[oa + 11];
        int added = 0;
        if (cnum <= MAX_CONTACTS) {
            for (int j = 0; j < cnum && sink.hasRoom(); j++) {
                sink.add(shapeA, shapeB, point[j * 3] + pax, point[j * 3 + 1] + pay, point[j * 3 + 2] + paz,
                        normal[0], normal[1], normal[2], dep[j]);
                added++;
            }
            return added;
        }
        // more points than wanted: keep the deepest and the ones best spread around the centroid
        int i1 = 0;
        double maxDepth = dep[0];
        for (int i = 1; i < cnum; i++) {
            if (dep[i] > maxDepth) {
                maxDepth = dep[i];
                i1 = i;
            }
        }
        cullPoints(cnum, MAX_CONTACTS, i1);
        for (int j = 0; j < MAX_CONTACTS && sink.hasRoom(); j++) {
            int k = iret[j];
            sink.add(shapeA, shapeB, point[k * 3] + pax, point[k * 3 + 1] + pay, point[k * 3 + 2] + paz,
                    normal[0], normal[1], normal[2], dep[k]);
            added++;
        }
        return added;
    }

    /** Clips the quad (in {@code quad}) against the rectangle ±rect; the polygon goes to {@code ret}. */
    private int intersectRectQuad() {
        int nq = 4;
        int nr = 0;
        double[] q = quad;
        double[] r = ret;
        for (int dir = 0; dir <= 1; dir++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                int pq = 0;
                int pr = 0;
                nr = 0;
                for (int i = nq; i > 0; i--) {
                    if (sign * q[pq + dir] < rect[dir]) {
                        r[pr] = q[pq];
                        r[pr + 1] = q[pq + 1];
                        pr += 2;
                        nr++;
                        if ((nr & 8) != 0) {
                            return finish(r, nr);
                        }
                    }
                    int nextq = i > 1 ? pq + 2 : 0;
                    if ((sign * q[pq + dir] < rect[dir]) ^ (sign * q[nextq + dir] < rect[dir])) {
                        r[pr + 1 - dir] = q[pq + 1 - dir] + (q[nextq + 1 - dir] - q[pq + 1 - dir])
                                / (q[nextq + dir] - q[pq + dir]) * (sign * rect[dir] - q[pq + dir]);
                        r[pr + dir] = sign * rect[dir];
                        pr += 2;
                        nr++;
                        if ((nr & 8) != 0) {
                            return finish(r, nr);
                        }
                    }
                    pq += 2;
                }
                q = r;
                r = (q == ret) ? buffer : ret;
                nq = nr;
            }
        }
        return finish(q, nr);
    }

    private int finish(double[] q, int nr) {
        if (q != ret) {
            System.arraycopy(q, 0, ret, 0, nr * 2);
        }
        return nr;
    }

    /** ODE's cullPoints: m of the n polygon points in {@code ret}, i0 first, spread by angle. */
    private void cullPoints(int n, int m, int i0) {
        double[] p = ret;
        double a, cx, cy, q;
        if (n == 1) {
            cx = p[0];
            cy = p[1];
        } else if (n == 2) {
            cx = 0.5 * (p[0] + p[2]);
            cy = 0.5 * (p[1] + p[3]);
        } else {
            a = 0;
            cx = 0;
            cy = 0;
            for (int i = 0; i < n - 1; i++) {
                q = p[i * 2] * p[i * 2 + 3] - p[i * 2 + 2] * p[i * 2 + 1];
                a += q;
                cx += q * (p[i * 2] + p[i * 2 + 2]);
                cy += q * (p[i * 2 + 1] + p[i * 2 + 3]);
            }
            q = p[n * 2 - 2] * p[1] - p[0] * p[n * 2 - 1];
            a = 1.0 / (3.0 * (a + q));
            cx = a * (cx + q * (p[n * 2 - 2] + p[0]));
            cy = a * (cy + q * (p[n * 2 - 1] + p[1]));
        }
        for (int i = 0; i < n; i++) {
            angles[i] = Math.atan2(p[i * 2 + 1] - cy, p[i * 2] - cx);
            avail[i] = true;
        }
        avail[i0] = false;
        iret[0] = i0;
        for (int j = 1; j < m; j++) {
            a = j * (2 * Math.PI / m) + angles[i0];
            if (a > Math.PI) {
                a -= 2 * Math.PI;
            }
            double maxDiff = 1e9;
            for (int i = 0; i < n; i++) {
                if (avail[i]) {
                    double diff = Math.abs(angles[i] - a);
                    if (diff > Math.PI) {
                        diff = 2 * Math.PI - diff;
                    }
                    if (diff < maxDiff) {
                        maxDiff = diff;
                        iret[j] = i;
                    }
                }
            }
            avail[iret[j]] = false;
        }
    }

    private static void set(double[] v, double x, double y, double z) {
        v[0] = x;
        v[1] = y;
        v[2] = z;
    }
}
