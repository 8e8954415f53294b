package org.worldbench.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.worldbench.dynamics.BodyNode;
import org.worldbench.dynamics.Inertia;
import org.worldbench.dynamics.JointSpec;
import org.worldbench.dynamics.MassMatrix;
import org.worldbench.dynamics.Skeleton;
import org.worldbench.math.Isometry3;
import org.worldbench.math.Vec3;

/**
 * The per-skeleton Delassus blocks against a dense reference: A = J·M⁻¹·Jᵀ with M⁻¹·gᵀ solved by
 * Gaussian elimination on the CRBA mass matrix, and the impulse M⁻¹·Jᵀ·λ the same way.
 */
class DelassusAssemblerTest {

    private final Skeleton chain = chain();
    private final Skeleton cube = cube();
    private final List<Skeleton> skeletons = List.of(chain, cube);
    private final Random random = new Random(42);

    @AfterEach
    void close() {
        chain.close();
        cube.close();
    }

    /** A free base and two hinges at a random pose: a full, non-diagonal 8 × 8 mass matrix. */
    private Skeleton chain() {
        Skeleton s = new Skeleton("chain");
        BodyNode base = s.addBody(null, JointSpec.free("base_joint"), "base", Inertia.box(2, 0.4, 0.2, 0.1, Vec3.ZERO));
        BodyNode upper = s.addBody(base, JointSpec.revolute("hinge1", new Vec3(0, 1, 0))
                .withParentOffset(Isometry3.translation(0.2, 0, 0)), "upper", Inertia.box(1, 0.3, 0.1, 0.1, Vec3.ZERO));
        s.addBody(upper, JointSpec.revolute("hinge2", new Vec3(0, 0, 1))
                .withParentOffset(Isometry3.translation(0.3, 0, 0)), "lower", Inertia.box(0.5, 0.2, 0.1, 0.1, Vec3.ZERO));
        s.setPositions(new double[] {0.3, -0.2, 0.5, 1, 2, 0.5, 0.7, -1.1});
        return s;
    }

    private static Skeleton cube() {
        Skeleton s = new Skeleton("cube");
        s.addBody(null, JointSpec.free("cube_joint"), "cube", Inertia.box(1, 0.2, 0.2, 0.2, Vec3.ZERO));
        s.setPositions(new double[] {0.1, 0.2, -0.3, 0, 0, 1});
        return s;
    }

    /** Rows 0–2 on the chain, 3–5 on both (a chain–cube contact), 6 on the cube alone. */
    private double[][][] fill(DelassusAssembler d) {
        int rows = 7;
        d.begin(rows, 2);
        double[][][] g = new double[rows][2][];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 2; k++) {
                boolean touches = k == 0 ? r < 6 : r >= 3;
                if (!touches) {
                    continue;
                }
                Skeleton s = skeletons.get(k);
                g[r][k] = new double[s.dofCount()];
                int at = d.addEntry(r, k, s.dofCount());
                for (int q = 0; q < s.dofCount(); q++) {
                    g[r][k][q] = random.nextGaussian();
                    d.values()[at + q] = g[r][k][q];
                }
            }
        }
        return g;
    }

    @Test
    void blocks_equal_the_dense_delassus_matrix_and_are_exactly_symmetric() {
        DelassusAssembler d = new DelassusAssembler();
        double[][][] g = fill(d);
        d.assemble(skeletons);
        double[] a = d.matrix();
        int rows = g.length;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                double expected = 0;
                for (int k = 0; k < 2; k++) {
                    if (g[i][k] != null && g[j][k] != null) {
                        expected += dot(g[i][k], massInverseTimes(skeletons.get(k), g[j][k]));
                    }
                }
                assertThat(a[i * rows + j]).as("A[%d][%d]", i, j).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
                assertThat(a[i * rows + j]).as("A[%d][%d] vs A[%d][%d]", i, j, j, i).isEqualTo(a[j * rows + i]);
            }
        }
        // rows 0–2 (chain only) and row 6 (cube only) share no skeleton
        assertThat(a[0 * rows + 6]).isZero();
        assertThat(a[6 * rows + 2]).isZero();
        assertThat(a[0 * rows + 4]).isNotZero();
    }

    @Test
    void impulses_change_velocities_by_the_inverse_mass_times_the_generalized_impulse() {
        DelassusAssembler d = new DelassusAssembler();
        double[][][] g = fill(d);
        d.assemble(skeletons);
        double[] lambda = {0.5, -0.2, 0.1, 2, -1, 0.3, 0.7};
        double[][] before = {chain.velocities(), cube.velocities()};
        d.applyImpulses(skeletons, lambda);
        for (int k = 0; k < 2; k++) {
            Skeleton s = skeletons.get(k);
            double[] generalized = new double[s.dofCount()];
            for (int r = 0; r < g.length; r++) {
                if (g[r][k] != null) {
                    for (int q = 0; q < generalized.length; q++) {
                        generalized[q] += lambda[r] * g[r][k][q];
                    }
                }
            }
            double[] expected = massInverseTimes(s, generalized);
            for (int q = 0; q < expected.length; q++) {
                assertThat(s.velocity(q) - before[k][q]).as("%s dof %d", s.name(), q)
                        .isCloseTo(expected[q], within(1e-9 * (1 + Math.abs(expected[q]))));
            }
        }
    }

    @Test
    void an_island_reuses_the_scratch_of_a_larger_one() {
        DelassusAssembler d = new DelassusAssembler();
        fill(d);
        d.assemble(skeletons);
        d.begin(1, 2);
        int at = d.addEntry(0, 1, 6);
        java.util.Arrays.fill(d.values(), at, at + 6, 0.0); // the caller writes all of g
        d.values()[at + 5] = 1;
        d.assemble(skeletons);
        // a unit push along the cube's z dof: A = (M⁻¹)_zz = 1/mass
        assertThat(d.matrix()[0]).isCloseTo(1.0, within(1e-12));
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** M⁻¹·v by Gaussian elimination with partial pivoting on a copy of the CRBA matrix. */
    private static double[] massInverseTimes(Skeleton s, double[] v) {
        MassMatrix.compute(s);
        double[][] m = s.massMatrixRows();
        int n = v.length;
        double[] x = v.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] row = m[c];
            m[c] = m[p];
            m[p] = row;
            double t = x[c];
            x[c] = x[p];
            x[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = x[r];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
