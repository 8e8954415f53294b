package org.worldbench.collision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sweep and prune finds exactly the pairs brute force finds, for random boxes, including boxes
 * that share a face exactly (coordinates on a coarse grid make touching common) and for the same
 * instance reused across several frames as the boxes move (its kept order must not matter).
 */
class BroadPhaseProperties {

    @Property(tries = 300)
    void sweep_and_prune_finds_the_brute_force_pairs(@ForAll("frames") List<double[]> frames) {
        SweepAndPruneBroadPhase sap = new SweepAndPruneBroadPhase();
        BruteForceBroadPhase brute = new BruteForceBroadPhase();
        for (double[] aabb : frames) {
            int count = aabb.length / 6;
            PairList expected = new PairList();
            PairList actual = new PairList();
            brute.findPairs(aabb, count, expected);
            sap.findPairs(aabb, count, actual);
            assertThat(packed(actual)).isEqualTo(packed(expected));
        }
    }

    private static long[] packed(PairList pairs) {
        long[] out = new long[pairs.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = pairs.packed(k);
        }
        return out;
    }

    @Provide
    Arbitrary<List<double[]>> frames() {
        return Arbitraries.integers().between(0, 40).flatMap(n ->
                box().array(double[][].class).ofSize(n).map(BroadPhaseProperties::flatten)
                        .list().ofMinSize(1).ofMaxSize(4));
    }

    private static Arbitrary<double[]> box() {
        Arbitrary<Double> coordinate = Arbitraries.integers().between(-20, 20).map(i -> i * 0.25);
        Arbitrary<Double> extent = Arbitraries.integers().between(0, 8).map(i -> i * 0.25);
        return Combinators.combine(coordinate, coordinate, coordinate, extent, extent, extent)
                .as((x, y, z, ex, ey, ez) -> new double[] {x, y, z, x + ex, y + ey, z + ez});
    }

    private static double[] flatten(double[][] boxes) {
        double[] out = new double[6 * boxes.length];
        for (int i = 0; i < boxes.length; i++) {
            System.arraycopy(boxes[i], 0, out, 6 * i, 6);
        }
        return out;
    }
}
