package org.worldbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Under the postgres profile, a server that does not answer stops the command at once with one
 * message naming the URL, exit code 2, and no stack trace. Run as a real child process, as a
 * user would see it.
 */
class UnreachableDatabaseTest {

    private static final String DEAD_URL = "jdbc:postgresql://127.0.0.1:1/worldbench";

    @Test
    void unreachable_postgres_fails_fast_naming_the_url() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                WorldbenchCli.class.getName(), "--profile", "postgres", "db"));
        builder.environment().put("WORLDBENCH_DB_URL", DEAD_URL);
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));

        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("the command must not hang on a dead database").isTrue();
        assertThat(process.exitValue()).as(stderr).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(stderr).contains("cannot connect to the database at " + DEAD_URL);
        assertThat(stderr + stdout).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stderr.lines().filter(line -> !line.isBlank())).hasSizeLessThanOrEqualTo(2);
    }
}
