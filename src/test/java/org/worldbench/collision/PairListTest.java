package org.worldbench.collision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairListTest {

    @Test
    void sort_orders_pairs_as_arrays_sort_does_for_any_size() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n : new int[] {0, 1, 2, 3, 17, 44, 45, 200, 1000}) {
            PairList list = new PairList();
            long[] expected = new long[n];
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(500);
                int j = i + 1 + random.nextInt(500);
                list.add(j, i);
                expected[k] = ((long) i << 32) | j;
            }
            Arrays.sort(expected);

            list.sort();

            long[] actual = new long[n];
            for (int k = 0; k < n; k++) {
                actual[k] = list.packed(k);
                assertThat(list.first(k)).isLessThan(list.second(k));
            }
            assertThat(actual).as("%d pairs", n).isEqualTo(expected);
        }
    }
}
