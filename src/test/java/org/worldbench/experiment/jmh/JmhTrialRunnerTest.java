package org.worldbench.experiment.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.spec.JmhSettings;
import org.worldbench.experiment.spec.MeasurementOrder;

/** Each trial gets forks of its own with explicit JVM arguments, never this JVM's. */
class JmhTrialRunnerTest {

    @Test
    void forks_get_explicit_arguments_a_fixed_heap_and_fail_on_error() {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("size", "10000");
        parameters.put("slowdown", "5");
        PlannedTrial trial = new PlannedTrial(1, "synthetic", "org.worldbench.benchmark.calibration.SyntheticWorkload", parameters);
        JmhSettings settings = new JmhSettings(3, 2, Duration.ofMillis(200), 4, Duration.ofMillis(300), List.of("gc"), "thrpt", "us",
                "768m", List.of("-XX:+UseSerialGC"), true, MeasurementOrder.INTERLEAVED);

        Options options = new JmhTrialRunner("/opt/jdk/bin/java", Duration.ZERO).options(trial, settings, Path.of("trial.log")).build();

        assertThat(options.getIncludes()).containsExactly("^\\Qorg.worldbench.benchmark.calibration.SyntheticWorkload.synthetic\\E$");
        assertThat(options.getForkCount().get()).isEqualTo(3);
        assertThat(options.getWarmupForkCount().get()).isZero();
        assertThat(options.getJvm().get()).isEqualTo("/opt/jdk/bin/java");
        assertThat(options.getJvmArgs().get()).containsExactly("--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xms768m", "-Xmx768m", "-XX:+UseSerialGC");
        assertThat(options.shouldFailOnError().get()).isTrue();
        assertThat(options.shouldDoGC().get()).isTrue();
        assertThat(options.getParameter("slowdown").get()).containsExactly("5");
        assertThat(options.getParameter("size").get()).containsExactly("10000");
        assertThat(options.getBenchModes()).containsExactly(Mode.Throughput);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(4);
        assertThat(options.getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(options.getProfilers()).extracting(p -> p.getKlass()).containsExactly("gc");
        assertThat(options.getOutput().get()).isEqualTo("trial.log");
    }
}
