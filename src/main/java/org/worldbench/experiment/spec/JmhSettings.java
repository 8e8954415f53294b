package org.worldbench.experiment.spec;

import java.time.Duration;
import java.util.List;

/**
 * How each trial is measured by JMH. Every trial runs in {@code forks} fresh JVMs of its own, so
 * two allocation configurations never share a JIT profile.
 *
 * @param forks                 fresh JVMs per trial (each gives one series of iterations)
 * @param warmupIterations      iterations per fork thrown away before measuring
 * @param warmupTime            duration of one warm-up iteration
 * @param measurementIterations measured iterations per fork: the raw samples
 * @param measurementTime       duration of one measured iteration
 * @param profilers             JMH profiler names; {@code gc} gives {@code gc.alloc.rate.norm} (B/op)
 * @param mode                  JMH mode name ({@code avgt}, {@code thrpt}, {@code sample}, {@code ss}),
 *                              or null for each benchmark's own {@code @BenchmarkMode}
 * @param timeUnit              output unit ({@code ns}, {@code us}, {@code ms}, {@code s}), or null for the
 *                              benchmark's own {@code @OutputTimeUnit}
 * @param heap                  heap size of the forked JVMs, as for {@code -Xmx} (e.g. {@code 512m});
 *                              fixed (-Xms = -Xmx) so heap sizing does not vary between forks
 * @param jvmArgs               further arguments for the forked JVMs
 * @param gcBetweenIterations   force a full GC before every iteration (JMH's {@code -gc true}); off by default:
 *                              JMH then waits for the collection to settle, which cost about 0.7 s per
 *                              iteration here (10 s per fork of 15 iterations) and made fork times vary more
 * @param order                 trial after trial, or the trials' forks interleaved in rounds (see {@link MeasurementOrder})
 */
public record JmhSettings(int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
        Duration measurementTime, List<String> profilers, String mode, String timeUnit, String heap,
        List<String> jvmArgs, boolean gcBetweenIterations, MeasurementOrder order) {

    public static final JmhSettings DEFAULTS = new JmhSettings(3, 5, Duration.ofSeconds(1), 10,
            Duration.ofSeconds(1), List.of("gc"), null, null, "1g", List.of(), false, MeasurementOrder.INTERLEAVED);

    public JmhSettings {
        profilers = List.copyOf(profilers);
        jvmArgs = List.copyOf(jvmArgs);
        java.util.Objects.requireNonNull(order, "order");
    }

    /** These settings for one fork: what one round of an interleaved run measures of a trial. */
    public JmhSettings oneFork() {
        return new JmhSettings(1, warmupIterations, warmupTime, measurementIterations, measurementTime, profilers, mode,
                timeUnit, heap, jvmArgs, gcBetweenIterations, order);
    }

    /** Wall time one trial needs at least (warm-up plus measurement over all forks), without JVM start-up. */
    public Duration nominalTrialTime() {
        return warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations))
                .multipliedBy(forks);
    }
}
