package org.worldbench.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw measurement samples of one benchmark metric in one run, grouped by fork:
 * {@code forks[f][i]} is iteration {@code i} of fork {@code f}, in the metric's unit. Forks may have
 * different lengths (a fork that failed part-way keeps what it measured). Values are kept as given,
 * NaN and infinities included: the comparison reports them rather than dropping them.
 *
 * <p>Immutable: the constructor copies, accessors copy.
 */
public final class Samples {

    private static final Samples EMPTY = new Samples(new double[0][]);

    private final double[][] forks;
    private final int size;

    private Samples(double[][] forks) {
        this.forks = forks;
        int total = 0;
        for (double[] fork : forks) {
            total += fork.length;
        }
        this.size = total;
    }

    /** Samples grouped by fork; each inner array is one fork's iterations. */
    public static Samples of(double[]... forks) {
        Objects.requireNonNull(forks, "forks");
        double[][] copy = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            if (forks[f] == null) {
                throw new IllegalArgumentException("fork " + (f + 1) + " of " + forks.length + " is null; pass an empty array for a fork without samples");
            }
            copy[f] = forks[f].clone();
        }
        return new Samples(copy);
    }

    /** A run that measured nothing for this metric. */
    public static Samples empty() {
        return EMPTY;
    }

    /** Number of forks, empty ones included. */
    public int forkCount() {
        return forks.length;
    }

    /** Number of forks that hold at least one sample. */
    public int nonEmptyForkCount() {
        int count = 0;
        for (double[] fork : forks) {
            if (fork.length > 0) {
                count++;
            }
        }
        return count;
    }

    /** Total number of samples over all forks. */
    public int size() {
        return size;
    }

    /** A copy of fork {@code f}'s iterations. */
    public double[] fork(int f) {
        return forks[f].clone();
    }

    /** Every sample, fork after fork, in one new array. */
    public double[] pooled() {
        double[] all = new double[size];
        int at = 0;
        for (double[] fork : forks) {
            System.arraycopy(fork, 0, all, at, fork.length);
            at += fork.length;
        }
        return all;
    }

    /** The first NaN or infinite sample as "fork f, iteration i: value", if any. */
    public Optional<String> firstNonFinite() {
        for (int f = 0; f < forks.length; f++) {
            for (int i = 0; i < forks[f].length; i++) {
                if (!Double.isFinite(forks[f][i])) {
                    return Optional.of("fork " + (f + 1) + ", iteration " + (i + 1) + " is " + forks[f][i]);
                }
            }
        }
        return Optional.empty();
    }

    /** True when every sample has the same value (and there is at least one). */
    public boolean isConstant() {
        if (size == 0) {
            return false;
        }
        double first = Double.NaN;
        for (double[] fork : forks) {
            for (double v : fork) {
                if (Double.isNaN(first)) {
                    first = v;
                } else if (Double.compare(v, first) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same samples without the forks that hold nothing (a fork that failed before its first iteration). */
    public Samples withoutEmptyForks() {
        if (nonEmptyForkCount() == forks.length) {
            return this;
        }
        return new Samples(Arrays.stream(forks).filter(fork -> fork.length > 0).toArray(double[][]::new));
    }

    /** The same samples followed by {@code other}'s forks (used to pool a rolling baseline). */
    public Samples concat(Samples other) {
        double[][] joined = Arrays.copyOf(forks, forks.length + other.forks.length);
        System.arraycopy(other.forks, 0, joined, forks.length, other.forks.length);
        return new Samples(joined);
    }

    /** A 64-bit digest of every value and the fork structure, for seeding the bootstrap from the data itself. */
    long digest() {
        long h = 0x9E3779B97F4A7C15L;
        for (double[] fork : forks) {
            h = Seeds.mix(h ^ fork.length);
            for (double v : fork) {
                h = Seeds.mix(h ^ Double.doubleToLongBits(v));
            }
        }
        return h;
    }

    /** The fork arrays themselves, for the bootstrap's inner loop; callers must not modify them. */
    double[][] forksUnsafe() {
        return forks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples other && Arrays.deepEquals(forks, other.forks);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(forks);
    }

    @Override
    public String toString() {
        return "Samples[" + forks.length + " forks, " + size + " samples]";
    }
}
