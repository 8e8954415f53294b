package org.worldbench.analysis;

/** What a metric's unit says it measures; decides the default direction and how zero is handled. */
public enum MetricKind {
    /** Time per operation ({@code ns/op}, {@code us/op}) or a plain time ({@code ns}, {@code ms}, as Google Benchmark writes). */
    TIME,
    /** Operations per time ({@code ops/s}, {@code ops/ms}, {@code items/s}). */
    THROUGHPUT,
    /** Bytes per operation ({@code B/op}, as JMH's {@code gc.alloc.rate.norm}): deterministic more often than not, often exactly zero. */
    BYTES,
    /** Anything else ({@code MB/sec}, {@code counts}): the direction must come from an override. */
    OTHER
}
