package org.worldbench.batch.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldbench.cli.ExitCode;
import org.worldbench.cli.WorldbenchCli;

/**
 * A run killed with SIGKILL (kill -9) while it measures, and continued with
 * {@code worldbench restart RUN}: the restart begins with the first unfinished trial (sequential
 * order) or the first (round, trial) without a stored fork (interleaved order); trials and forks that
 * had finished are neither lost nor measured again, and no sample is stored twice.
 *
 * <p>{@code worldbench run} runs as a real child process, as a user would, and is killed, process
 * tree and all, as soon as its first trial (or fork) is committed; then {@code worldbench restart}
 * runs to the end.
 */
abstract class KillAndRestartContract {

    private static final String SPEC = """
            name: restartable
            benchmarks: [synthetic]
            matrix:
              slowdown: [0, 5]
            jmh:
              forks: 1
              warmup-iterations: 1
              warmup-time: 200ms
              measurement-iterations: 3
              measurement-time: 200ms
              order: sequential
            baseline: none
            """;

    /** Two trials of two forks, in rounds: round 1 measures fork 1 of each, round 2 fork 2. */
    private static final String INTERLEAVED_SPEC = """
            name: restartable-rounds
            benchmarks: [synthetic]
            matrix:
              slowdown: [0, 5]
            jmh:
              forks: 2
              warmup-iterations: 1
              warmup-time: 200ms
              measurement-iterations: 3
              measurement-time: 200ms
              order: interleaved
            baseline: none
            """;

    @TempDir
    Path folder;

    /** Arguments before the command (e.g. {@code --profile postgres}). */
    abstract List<String> profileArguments();

    /** Extra JVM arguments and environment of the child processes, pointing them at the test database. */
    abstract List<String> jvmArguments(Path folder);

    abstract Map<String, String> environment();

    /** The same database for a command run in this JVM, as system properties (they outrank the profiles' files). */
    abstract Map<String, String> systemProperties(Path folder);

    private int restart(long runId, Path reports, StringWriter output) {
        Map<String, String> properties = systemProperties(folder);
        Map<String, String> previous = new java.util.HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            var commandLine = WorldbenchCli.newCommandLine();
            PrintWriter writer = new PrintWriter(output, true);
            commandLine.setOut(writer);
            commandLine.setErr(writer);
            List<String> args = new ArrayList<>(profileArguments());
            args.addAll(List.of("restart", Long.toString(runId), "--reports-dir", reports.toString()));
            return commandLine.execute(args.toArray(String[]::new));
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    abstract Connection connect(Path folder) throws SQLException;

    @Test
    void killed_run_restarts_with_its_first_unfinished_trial_and_loses_or_repeats_nothing() throws Exception {
        Path spec = Files.writeString(folder.resolve("restartable.yaml"), SPEC, StandardCharsets.UTF_8);
        Path reports = folder.resolve("reports");

        // given a run killed with SIGKILL right after its first trial was stored
        Process run = start(folder.resolve("run.log"), "run", spec.toString(), "--reports-dir", reports.toString());
        long runId = awaitFirst(run, folder.resolve("run.log"), "SELECT COUNT(*) FROM trial WHERE status = 'done'");
        kill(run);

        Map<Integer, Instant> finishedBeforeKill = finishedTrials(runId);
        assertThat(finishedBeforeKill).as("the kill came after the first trial").isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM trial WHERE run_id = " + runId + " AND status = 'pending'"))
                .as("the kill interrupted the run").isPositive();
        assertThat(text("SELECT status FROM run WHERE id = " + runId)).isEqualTo("running");

        // when the run is restarted (in this JVM: a cold child JVM would only add start-up time)
        StringWriter restartOut = new StringWriter();
        int exit = restart(runId, reports, restartOut);
        String restartLog = restartOut.toString();

        // then every trial is measured exactly once, and the ones measured before the kill were kept as they were
        assertThat(exit).as(restartLog).isEqualTo(ExitCode.OK);
        assertThat(text("SELECT status FROM run WHERE id = " + runId)).isEqualTo("completed");
        assertThat(count("SELECT COUNT(*) FROM trial WHERE run_id = " + runId)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM trial WHERE run_id = " + runId + " AND status = 'done'")).isEqualTo(2);
        Map<Integer, Instant> finishedAfter = finishedTrials(runId);
        finishedBeforeKill.forEach((ordinal, finished) -> assertThat(finishedAfter.get(ordinal))
                .as("trial %d was not measured again", ordinal).isEqualTo(finished));
        long metricsPerTrial = count("SELECT COUNT(*) FROM trial_metric m JOIN trial t ON t.id = m.trial_id WHERE t.run_id = "
                + runId) / 2;
        assertThat(metricsPerTrial).as("primary and -prof gc metrics").isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM sample s JOIN trial t ON t.id = s.trial_id WHERE t.run_id = " + runId))
                .as("2 trials x metrics x 3 iterations, none lost or doubled").isEqualTo(2 * metricsPerTrial * 3);
        assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).as("the killed execution and the restart").isEqualTo(2);
        assertThat(text("SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC")).isEqualTo("COMPLETED");
        assertThat(restartLog).contains("report: ");
        assertThat(reports.resolve(Long.toString(runId)).resolve("junit.xml")).isNotEmptyFile();
    }

    @Test
    void killed_interleaved_run_restarts_with_the_first_fork_not_stored_and_keeps_the_forks_it_had() throws Exception {
        Path spec = Files.writeString(folder.resolve("rounds.yaml"), INTERLEAVED_SPEC, StandardCharsets.UTF_8);
        Path reports = folder.resolve("reports");

        // given an interleaved run killed with SIGKILL right after its first fork was stored
        Process run = start(folder.resolve("run.log"), "run", spec.toString(), "--reports-dir", reports.toString());
        long runId = awaitFirst(run, folder.resolve("run.log"), "SELECT COUNT(*) FROM trial_fork");
        kill(run);

        Map<String, Double> storedBeforeKill = stagedPrimarySamples(runId);
        assertThat(storedBeforeKill).as("the kill came after the first fork").isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM trial WHERE run_id = " + runId + " AND status = 'done'"))
                .as("no trial has both forks yet").isZero();

        // when the run is restarted
        StringWriter restartOut = new StringWriter();
        int exit = restart(runId, reports, restartOut);
        String restartLog = restartOut.toString();

        // then both trials have both forks, the forks stored before the kill were kept as measured, nothing is left over
        assertThat(exit).as(restartLog).isEqualTo(ExitCode.OK);
        assertThat(text("SELECT status FROM run WHERE id = " + runId)).isEqualTo("completed");
        assertThat(count("SELECT COUNT(*) FROM trial WHERE run_id = " + runId + " AND status = 'done' AND forks = 2")).isEqualTo(2);
        Map<String, Double> samplesAfter = primarySamples(runId);
        storedBeforeKill.forEach((key, value) -> assertThat(samplesAfter.get(key))
                .as("trial/fork/iteration %s was not measured again", key).isEqualTo(value));
        long metricsPerTrial = count("SELECT COUNT(*) FROM trial_metric m JOIN trial t ON t.id = m.trial_id WHERE t.run_id = "
                + runId) / 2;
        assertThat(metricsPerTrial).as("primary and -prof gc metrics").isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM sample s JOIN trial t ON t.id = s.trial_id WHERE t.run_id = " + runId))
                .as("2 trials x 2 forks x metrics x 3 iterations, none lost or doubled").isEqualTo(2 * 2 * metricsPerTrial * 3);
        assertThat(count("SELECT COUNT(*) FROM trial_fork")).as("merged into the trials' results").isZero();
        assertThat(count("SELECT COUNT(*) FROM trial_fork_sample")).isZero();
        // the restart's progress names rounds; it measured only the forks missing at the kill
        assertThat(restartLog).contains("[round 2/2] [1/2] measuring").contains("[round 2/2] [2/2] measured");
        assertThat(restartLog.lines().filter(l -> l.contains(" measuring "))).hasSize(4 - storedBeforeKill.size() / 3);
        assertThat(reports.resolve(Long.toString(runId)).resolve("jmh").resolve("0001-synthetic.f2.log")).isNotEmptyFile();
        assertThat(reports.resolve(Long.toString(runId)).resolve("jmh").resolve("0002-synthetic.f2.json")).isNotEmptyFile();
    }

    /** SIGKILL for the run and its JMH fork: no shutdown hook, no listener, no rollback by the application. */
    private static void kill(Process run) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(run.descendants().toList());
        run.toHandle().destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Primary samples stored as forks of unfinished trials: "ordinal/fork/iteration" → value. */
    private Map<String, Double> stagedPrimarySamples(long runId) throws SQLException {
        return samplesByKey("SELECT t.ordinal, s.fork, s.iteration, s.sample_value FROM trial_fork_sample s JOIN trial t"
                + " ON t.id = s.trial_id WHERE t.run_id = " + runId + " AND s.metric = 'primary'");
    }

    /** Primary samples of finished trials: "ordinal/fork/iteration" → value. */
    private Map<String, Double> primarySamples(long runId) throws SQLException {
        return samplesByKey("SELECT t.ordinal, s.fork, s.iteration, s.sample_value FROM sample s JOIN trial t"
                + " ON t.id = s.trial_id WHERE t.run_id = " + runId + " AND s.metric = 'primary'");
    }

    private Map<String, Double> samplesByKey(String sql) throws SQLException {
        Map<String, Double> samples = new TreeMap<>();
        try (Connection c = connect(folder); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                samples.put(rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3), rs.getDouble(4));
            }
        }
        return samples;
    }

    private Process start(Path log, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("--enable-native-access=ALL-UNNAMED");
        line.add("--sun-misc-unsafe-memory-access=allow");
        line.add("-Xmx512m");
        // A correctness test, not a measurement: it need not wait for other JMH runs on this machine.
        line.add("-Djmh.ignoreLock=true");
        line.addAll(jvmArguments(folder));
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(WorldbenchCli.class.getName());
        line.addAll(profileArguments());
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment());
        builder.environment().put("WORLDBENCH_GIT_COMMIT", "feedface");
        builder.environment().put("WORLDBENCH_GIT_BRANCH", "restart-test");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        return builder.start();
    }

    /** Polls the database until {@code countSql} counts something for the (only) run; returns the run id. */
    private long awaitFirst(Process run, Path log, String countSql) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!run.isAlive()) {
                throw new AssertionError("the run ended before it could be killed:\n" + Files.readString(log));
            }
            try {
                if (count(countSql) > 0) {
                    return count("SELECT MAX(id) FROM run");
                }
            } catch (SQLException notYet) {
                // schema not migrated yet, or the database not created yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing stored within 3 minutes (" + countSql + "):\n" + Files.readString(log));
    }

    private Map<Integer, Instant> finishedTrials(long runId) throws SQLException {
        Map<Integer, Instant> finished = new TreeMap<>();
        try (Connection c = connect(folder); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ordinal, finished_at FROM trial WHERE run_id = " + runId + " AND status = 'done'")) {
            while (rs.next()) {
                finished.put(rs.getInt(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return finished;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(folder); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = connect(folder); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
