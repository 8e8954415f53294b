package org.worldbench.importer;

/**
 * Bounds that reject a hostile or mistaken file before it exhausts memory or the database: a file
 * beyond them is refused whole, with the limit in the message.
 *
 * @param maxFileBytes        largest file accepted
 * @param maxBenchmarks       most results in one file
 * @param maxSamplesPerMetric most raw samples of one metric of one result
 */
public record ImportLimits(long maxFileBytes, int maxBenchmarks, int maxSamplesPerMetric) {

    /** 2 GiB, a million results, a million samples per metric: far beyond real result files. */
    public static final ImportLimits DEFAULT = new ImportLimits(2L << 30, 1_000_000, 1_000_000);
}
