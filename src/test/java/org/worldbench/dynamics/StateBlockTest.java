package org.worldbench.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.worldbench.memory.MemoryAllocator;

/**
 * The two storages of a {@link StateBlock} behave alike: bulk reads and writes copy exactly the
 * doubles asked for (bit patterns included), and a copy out of range fails before it copies
 * anything, so a bad index never leaves half a record written.
 */
class StateBlockTest {

    private static final int LENGTH = 40;

    private static StateBlock block(StateStorage storage) {
        return storage == StateStorage.HEAP ? StateBlock.onHeap(LENGTH)
                : StateBlock.offHeap(MemoryAllocator.defaultAllocator(), LENGTH);
    }

    /** Distinct values, with the bit patterns a sloppy copy would lose: −0.0, a NaN payload, subnormals. */
    private static double value(int k) {
        return switch (k % 5) {
            case 0 -> -0.0;
            case 1 -> Double.longBitsToDouble(0x7ff8_0000_0000_1234L + k);
            case 2 -> Double.MIN_VALUE * (k + 1);
            default -> k * 1.25 - 7;
        };
    }

    @ParameterizedTest
    @EnumSource(StateStorage.class)
    void bulk_write_then_read_copies_exactly_the_range_asked_for(StateStorage storage) {
        StateBlock b = block(storage);
        try {
            double[] src = new double[16];
            for (int k = 0; k < src.length; k++) {
                src[k] = value(k);
            }
            b.write(src, 3, 17, 11); // src[3..13] → block[17..27]
            for (int i = 0; i < LENGTH; i++) {
                double expected = i >= 17 && i < 28 ? src[i - 17 + 3] : 0.0;
                assertThat(Double.doubleToRawLongBits(b.get(i))).as("block[%d]", i)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
            double[] dst = new double[20];
            Arrays.fill(dst, 99);
            b.read(20, dst, 5, 6); // block[20..25] → dst[5..10]
            for (int i = 0; i < dst.length; i++) {
                double expected = i >= 5 && i < 11 ? src[i - 5 + 6] : 99;
                assertThat(Double.doubleToRawLongBits(dst[i])).as("dst[%d]", i)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        } finally {
            b.release();
        }
    }

    @ParameterizedTest
    @EnumSource(StateStorage.class)
    void a_copy_out_of_range_fails_without_copying_anything(StateStorage storage) {
        StateBlock b = block(storage);
        try {
            double[] ones = new double[8];
            Arrays.fill(ones, 1);
            assertThatThrownBy(() -> b.write(ones, 0, LENGTH - 4, 8)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> b.write(ones, 4, 0, 8)).isInstanceOf(IndexOutOfBoundsException.class);
            for (int i = 0; i < LENGTH; i++) {
                assertThat(b.get(i)).as("block[%d] after the failed writes", i).isZero();
            }
            double[] dst = new double[8];
            Arrays.fill(dst, 7);
            b.set(LENGTH - 1, 3);
            assertThatThrownBy(() -> b.read(LENGTH - 4, dst, 0, 8)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> b.read(0, dst, 4, 8)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(dst).as("destination after the failed reads").containsOnly(7.0);
        } finally {
            b.release();
        }
    }
}
