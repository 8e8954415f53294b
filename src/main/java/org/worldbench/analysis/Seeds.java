package org.worldbench.analysis;

import java.nio.charset.StandardCharsets;

/**
 * Derives the bootstrap's random seeds. A side's seed mixes the run-wide seed, the benchmark and
 * metric, and the side's own data, so that a comparison's interval does not depend on the order of
 * benchmarks in the run, is reproducible bit for bit, and mirrors exactly when trial and baseline
 * swap places.
 */
final class Seeds {

    private Seeds() {
    }

    /** The 64-bit finaliser of MurmurHash3 (also SplittableRandom's mixer): a bijection that spreads every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static long of(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return h;
    }

    static long forSide(long runSeed, String benchmark, String metric, Samples side) {
        return mix(mix(runSeed ^ of(benchmark)) ^ of(metric) ^ side.digest());
    }
}
