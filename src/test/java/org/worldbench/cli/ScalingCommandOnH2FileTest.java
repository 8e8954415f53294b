package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code worldbench scaling RUN} as a user types it, on the default profile (an H2 file in a folder of its own). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingCommandOnH2FileTest extends CliOnH2File {

    @Test
    @Order(1)
    void a_run_with_thread_counts_prints_its_scaling_against_the_target() throws Exception {
        Path file = Path.of(getClass().getResource("/samples/jmh-thread-scaling-synthetic.json").toURI());
        String reports = folder.resolve("reports").toString();
        assertThat(run("import", file.toString(), "--experiment", "parallel-scaling", "--reports-dir", reports))
                .as(err.toString()).isEqualTo(ExitCode.OK);

        int exit = run("scaling", "1", "--target", "1.9");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        String printed = out.toString().substring(out.toString().indexOf("## worldbench: thread scaling")); // after the import's output
        assertThat(printed).startsWith("## worldbench: thread scaling of run 1 (parallel-scaling)")
                .contains("| benchmark | T | time(1) | time(T) | forks | throughput(T) / throughput(1) | 95% interval | against 1.90 |")
                .contains("| parallelSpinControl | 2 | 100 ms | 100 ms | 2 / 2 | 2.00 | [")
                .contains("| parallelWorlds{allocation=HIERARCHICAL,settleSteps=200} | 2 | 40.0 ms | 60.0 ms | 2 / 2 | 1.33 | [")
                .doesNotContain("fk{");
    }

    @Test
    @Order(2)
    void a_run_without_thread_counts_exits_2_naming_the_parameter() throws Exception {
        Path file = Path.of(getClass().getResource("/samples/jmh-allocators-2026-11-24.json").toURI());
        assertThat(run("import", file.toString(), "--reports-dir", folder.resolve("reports").toString())).isEqualTo(ExitCode.OK);

        int exit = run("scaling", "2");

        assertThat(exit).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("worldbench scaling: run 2 has no paired benchmark with 'threads' > 1 and no benchmark measured with 'threads' = 1 and another value");
    }

    @Test
    @Order(3)
    void a_target_that_is_not_a_positive_number_exits_2() {
        assertThat(run("scaling", "1", "--target", "-1")).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString()).contains("--target must be a number > 0, got -1.0");
    }
}
