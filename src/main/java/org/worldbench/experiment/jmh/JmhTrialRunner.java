package org.worldbench.experiment.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.spec.JmhSettings;

/**
 * Measures one trial with the JMH Runner API, in forked JVMs only: each trial gets {@code forks}
 * fresh JVMs of its own, so two configurations never share a JIT profile, class-loading state or
 * heap. The forks get explicit JVM arguments (native access, a fixed heap, the spec's extras) and
 * never inherit this JVM's flags. JMH's human-readable log goes to a file, not to the terminal,
 * which belongs to the progress bar.
 */
public final class JmhTrialRunner {

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(JmhTrialRunner.class);
    /** What JMH says when another JMH run on this machine holds its lock file. */
    static final String LOCK_BUSY = "Unable to acquire the JMH lock";
    private static final Duration LOCK_POLL = Duration.ofSeconds(2);

    private final String javaExecutable;
    private final Duration lockWait;

    public JmhTrialRunner() {
        this(Path.of(System.getProperty("java.home"), "bin", "java").toString(), Duration.ofMinutes(30));
    }

    /**
     * @param javaExecutable the JVM the forks run on
     * @param lockWait       how long to wait while another JMH run on this machine holds JMH's lock
     *                       (two benchmark runs at once would disturb each other's numbers)
     */
    public JmhTrialRunner(String javaExecutable, Duration lockWait) {
        this.javaExecutable = javaExecutable;
        this.lockWait = lockWait;
    }

    /**
     * Runs the trial and returns every sample.
     *
     * @param log file that receives JMH's output for this trial (created, parent folders too)
     * @throws TrialFailedException  if a fork fails (the benchmark threw, the JVM died) or gives no result
     * @throws IllegalStateException if another JMH run keeps JMH's machine-wide lock longer than the wait
     *                               allowed: a problem of the machine, not of the trial, so the run stops
     *                               (and can be restarted) instead of recording the trial as failed
     */
    public TrialMeasurement measure(PlannedTrial trial, JmhSettings settings, Path log) {
        ForkableClassPath.check();
        Instant waitUntil = Instant.now().plus(lockWait);
        while (true) {
            Instant started = Instant.now();
            Collection<RunResult> results;
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
                results = new Runner(options(trial, settings, log).build()).run();
            } catch (RunnerException e) {
                if (rootMessage(e).contains(LOCK_BUSY)) {
                    if (Instant.now().isAfter(waitUntil)) {
                        throw new IllegalStateException("another JMH run on this machine has held JMH's lock for more than "
                                + lockWait.toMinutes() + " min; stop it, or restart this run when it is done", e);
                    }
                    LOGGER.info("another JMH run holds JMH's lock: waiting before {}", trial.label());
                    sleep(LOCK_POLL);
                    continue;
                }
                throw new TrialFailedException(trial.label() + " failed: " + rootMessage(e) + " (JMH log: " + log + ")", e);
            } catch (java.io.IOException e) {
                throw new TrialFailedException("cannot create " + log.getParent() + ": " + e.getMessage(), e);
            }
            return toMeasurement(trial, results, started, log);
        }
    }

    private static TrialMeasurement toMeasurement(PlannedTrial trial, Collection<RunResult> results, Instant started, Path log) {
        if (results.size() != 1) {
            throw new TrialFailedException(trial.label() + ": JMH returned " + results.size()
                    + " results, expected exactly one (JMH log: " + log + ")", null);
        }
        return toMeasurement(results.iterator().next(), started, Instant.now());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for JMH's lock", e);
        }
    }

    ChainedOptionsBuilder options(PlannedTrial trial, JmhSettings settings, Path log) {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("--enable-native-access=ALL-UNNAMED");
        // JMH 1.37 reads fields through sun.misc.Unsafe; JDK 24+ warns on every fork unless allowed.
        jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        jvmArgs.add("-Xms" + settings.heap());
        jvmArgs.add("-Xmx" + settings.heap());
        jvmArgs.addAll(settings.jvmArgs());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + java.util.regex.Pattern.quote(trial.className() + "." + trial.benchmark()) + "$")
                .forks(settings.forks())
                .warmupForks(0)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .jvm(javaExecutable)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .shouldDoGC(settings.gcBetweenIterations())
                .output(log.toString())
                // JMH's own JSON beside the log: what 'worldbench import' reads, so a trial can be re-imported or shared
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(jsonResult(log).toString());
        trial.parameters().forEach(options::param);
        settings.profilers().forEach(options::addProfiler);
        if (settings.mode() != null) {
            options.mode(Mode.deepValueOf(settings.mode()));
        }
        if (settings.timeUnit() != null) {
            options.timeUnit(switch (settings.timeUnit()) {
                case "ns" -> TimeUnit.NANOSECONDS;
                case "us" -> TimeUnit.MICROSECONDS;
                case "ms" -> TimeUnit.MILLISECONDS;
                default -> TimeUnit.SECONDS;
            });
        }
        return options;
    }

    /** {@code 0001-synthetic.log} → {@code 0001-synthetic.json}. */
    public static Path jsonResult(Path log) {
        String name = log.getFileName().toString();
        return log.resolveSibling((name.endsWith(".log") ? name.substring(0, name.length() - 4) : name) + ".json");
    }

    static TrialMeasurement toMeasurement(RunResult run, Instant started, Instant finished) {
        List<BenchmarkResult> forks = List.copyOf(run.getBenchmarkResults());
        if (forks.isEmpty()) {
            throw new TrialFailedException("JMH returned no fork results", null);
        }
        List<MetricMeasurement> metrics = new ArrayList<>();
        Result<?> primary = run.getPrimaryResult();
        double[][] primarySamples = new double[forks.size()][];
        for (int f = 0; f < forks.size(); f++) {
            primarySamples[f] = forks.get(f).getIterationResults().stream()
                    .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray();
        }
        metrics.add(metric(MetricMeasurement.PRIMARY, primary, primarySamples));
        Map<String, Result> secondary = new TreeMap<>(run.getSecondaryResults());
        secondary.forEach((label, result) -> {
            double[][] samples = new double[forks.size()][];
            for (int f = 0; f < forks.size(); f++) {
                samples[f] = forks.get(f).getIterationResults().stream()
                        .map(IterationResult::getSecondaryResults)
                        .filter(s -> s.containsKey(label))
                        .mapToDouble(s -> s.get(label).getScore()).toArray();
            }
            metrics.add(metric(label, result, samples));
        });
        String mode = forks.getFirst().getParams().getMode().shortLabel().toLowerCase(Locale.ROOT);
        return new TrialMeasurement(mode, forks.size(), started, finished, metrics);
    }

    private static MetricMeasurement metric(String name, Result<?> result, double[][] samples) {
        Statistics statistics = result.getStatistics();
        double[] percentiles = new double[MetricMeasurement.PERCENTILE_LEVELS.length];
        for (int i = 0; i < percentiles.length; i++) {
            double level = MetricMeasurement.PERCENTILE_LEVELS[i];
            percentiles[i] = level == 0 ? statistics.getMin() : level == 100 ? statistics.getMax() : statistics.getPercentile(level);
        }
        return new MetricMeasurement(name, result.getScoreUnit(), result.getScore(), result.getScoreError(), percentiles, samples);
    }

    private static String rootMessage(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() != null ? deepest.getMessage() : deepest.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
