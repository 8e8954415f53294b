package org.worldbench.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.worldbench.experiment.catalog.BenchmarkCatalog;
import org.worldbench.experiment.catalog.BenchmarkDefinition;
import org.worldbench.experiment.catalog.ParameterDefinition;
import org.worldbench.report.engines.ThreadScalingService;

/**
 * Smoke mode: every benchmark of {@code META-INF/BenchmarkList} runs once (one single-shot
 * invocation, in this JVM) for each smoke combination of its parameters, so none can rot between
 * measurement campaigns. Timing means nothing here; a benchmark that throws, or returns no result
 * for a combination, fails the build.
 *
 * <p>Which values a parameter is smoked with is decided below, per parameter name: configuration
 * parameters (allocation, debug, shape, …) run every declared value, because each selects a different
 * code path; size parameters run one small value. A benchmark with a parameter that has no rule
 * fails {@link #every_benchmark_parameter_has_a_smoke_rule}: decide its rule when you add it.
 */
class BenchmarkSmokeTest {

    /** Parameters whose every declared value selects a code path worth running. */
    private static final Set<String> EVERY_VALUE = Set.of("allocation", "debug", "shape", "joint", "robot",
            "allocator", "layout", "scene");

    /** Parameters smoked with these values only (small sizes; an in-memory database). */
    private static final Map<String, List<String>> SMOKE_VALUES = Map.ofEntries(
            Map.entry("bodies", List.of("7")),
            Map.entry("boxes", List.of("10")),
            Map.entry("skeletons", List.of("10")),
            Map.entry("threads", List.of("2")),
            Map.entry("settleSteps", List.of("10")),
            Map.entry("size", List.of("00064")),
            Map.entry("slowdown", List.of("0")),
            Map.entry("database", List.of("h2")),
            Map.entry("trials", List.of("10")),
            Map.entry("results", List.of("100")),
            Map.entry("metrics", List.of("1")),
            Map.entry("rewrite", List.of("false")));

    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.ofClassPath();

    @Test
    void every_benchmark_parameter_has_a_smoke_rule() {
        List<String> missing = new ArrayList<>();
        for (BenchmarkDefinition b : CATALOG.all()) {
            for (String parameter : b.parameters().keySet()) {
                if (!EVERY_VALUE.contains(parameter) && !SMOKE_VALUES.containsKey(parameter)) {
                    missing.add(b.name() + "." + parameter);
                }
            }
        }
        assertThat(missing).as("parameters without a smoke rule (add them to BenchmarkSmokeTest)").isEmpty();
        assertThat(CATALOG.names()).as("the workload suite is in the benchmark list")
                .contains("fk", "massMatrix", "forwardDynamics", "inverseDynamics", "coriolisGravity", "robotFk",
                        "robotMassMatrix", "robotForwardDynamics", "parallelWorldsPaired", "parallelSpinControlPaired",
                        "parallelCacheControlPaired");
    }

    @TestFactory
    Stream<DynamicTest> every_benchmark_runs_once_per_smoke_combination() {
        return CATALOG.all().stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> smoke(b)));
    }

    /**
     * Off-heap configurations hold memory from the base while they run; the counters must see it.
     * (HEAP may hold some too: a World's memory manager exists in every configuration.)
     */
    private static void checkMemoryCounters(RunResult r, String label) {
        if (!r.getParams().getParamsKeys().contains("allocation") || r.getParams().getParam("allocation").equals("HEAP")) {
            return;
        }
        assertThat(r.getSecondaryResults().get("reservedBytes").getScore()).as("reserved bytes of %s", label)
                .isPositive();
        assertThat(r.getSecondaryResults().get("liveBlocks").getScore()).as("live blocks of %s", label)
                .isGreaterThanOrEqualTo(1);
    }

    /** A paired benchmark stores both times of its iterations under the names {@code worldbench scaling} reads. */
    private static void checkPairedTimes(RunResult r, String label) {
        for (String metric : List.of(ThreadScalingService.ONE_THREAD_METRIC, ThreadScalingService.ALL_THREADS_METRIC)) {
            Result<?> time = r.getSecondaryResults().get(metric);
            assertThat(time).as("%s of %s", metric, label).isNotNull();
            assertThat(time.getScore()).as("%s of %s", metric, label).isFinite().isPositive();
        }
    }

    private static void smoke(BenchmarkDefinition benchmark) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.includePattern())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .mode(Mode.SingleShotTime)
                .measurementBatchSize(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
        int combinations = 1;
        for (ParameterDefinition p : benchmark.parameters().values()) {
            List<String> values = EVERY_VALUE.contains(p.name()) ? p.declaredValues() : SMOKE_VALUES.get(p.name());
            assertThat(values).as("smoke values of %s.%s", benchmark.name(), p.name()).isNotNull().isNotEmpty();
            options.param(p.name(), values.toArray(String[]::new));
            combinations *= values.size();
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        assertThat(results).as("results of %s, one per parameter combination", benchmark.name()).hasSize(combinations);
        for (RunResult r : results) {
            String label = benchmark.name() + " " + r.getParams().getParamsKeys().stream()
                    .map(k -> k + "=" + r.getParams().getParam(k)).toList();
            assertThat(r.getPrimaryResult().getScore()).as("time of %s", label).isFinite().isPositive();
            if (benchmark.name().endsWith("Paired")) {
                checkPairedTimes(r, label);
            }
            Result<?> ops = r.getSecondaryResults().get("ops");
            if (ops != null) {
                assertThat(ops.getScore()).as("operations counted by the engine counters of %s", label)
                        .isGreaterThanOrEqualTo(1);
                checkMemoryCounters(r, label);
            }
        }
    }
}
