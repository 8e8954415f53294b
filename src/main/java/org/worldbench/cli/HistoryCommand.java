package org.worldbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.worldbench.analysis.changepoint.EDivisive;
import org.worldbench.analysis.changepoint.HistoryCheck;
import org.worldbench.results.BenchmarkHistory;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.MachineRepository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worldbench history BENCHMARK}: the per-run medians of a benchmark metric on this machine,
 * for each parameter combination, with the change points E-divisive finds in them now and the
 * ones stored by the compare step.
 */
@Command(name = "history", description = "Print a benchmark's per-run medians on this machine and their change points.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "BENCHMARK", description = "JMH method name, e.g. synthetic.")
    private String benchmark;

    @Option(names = "--params", paramLabel = "K=V,...", description = "Only this parameter combination (canonical key, e.g. size=10000,slowdown=5).")
    private String params;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "primary",
            description = "primary (default) or a secondary metric such as gc.alloc.rate.norm.")
    private String metric;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PlatformContext platform = PlatformContext.start(root.profile())) {
            String fingerprint = MachineFingerprint.current().hash();
            var machine = platform.bean(MachineRepository.class).findByFingerprint(fingerprint);
            if (machine.isEmpty()) {
                err.println("worldbench history: no run was ever stored on this machine (fingerprint " + fingerprint.substring(0, 12) + ")");
                err.flush();
                return ExitCode.INVALID_OR_FAILED;
            }
            JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
            List<Map<String, Object>> benchmarks = jdbc.queryForList("SELECT id, params_key FROM benchmark WHERE name = ?"
                    + (params == null ? "" : " AND params_key = ?") + " ORDER BY params_key",
                    params == null ? new Object[] {benchmark} : new Object[] {benchmark, params});
            if (benchmarks.isEmpty()) {
                err.println("worldbench history: no benchmark '" + benchmark + "'" + (params == null ? "" : " with parameters " + params)
                        + " was ever stored");
                err.flush();
                return ExitCode.INVALID_OR_FAILED;
            }
            BenchmarkHistory history = platform.bean(BenchmarkHistory.class);
            long machineId = machine.get().getId();
            for (Map<String, Object> row : benchmarks) {
                long id = ((Number) row.get("id")).longValue();
                String key = (String) row.get("params_key");
                for (String unit : history.units(machineId, id, metric)) {
                    print(out, history, machineId, id, benchmark + (key.isEmpty() ? "" : "{" + key + "}"), unit);
                }
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter out, BenchmarkHistory history, long machineId, long benchmarkId, String label, String unit) {
        List<BenchmarkHistory.Point> points = history.series(machineId, Long.MAX_VALUE, List.of(benchmarkId), metric, unit)
                .getOrDefault(benchmarkId, List.of());
        out.printf(Locale.ROOT, "%s  %s  (%s, %d completed runs, last %d read)%n", label, metric, unit, points.size(),
                BenchmarkHistory.MAX_RUNS);
        double[] medians = points.stream().mapToDouble(BenchmarkHistory.Point::median).toArray();
        HistoryCheck.Assessment now = medians.length == 0 ? null : HistoryCheck.assessLatest(medians, EDivisive.Settings.defaults());
        java.util.Set<Integer> steps = new java.util.HashSet<>();
        if (now != null) {
            now.all().forEach(p -> steps.add(p.index()));
        }
        for (int i = 0; i < points.size(); i++) {
            out.printf(Locale.ROOT, "  run %6d  %12.6g%s%n", points.get(i).runId(), points.get(i).median(),
                    steps.contains(i) ? "   <- change point" : "");
        }
        if (now != null) {
            out.println("  latest run: " + now.status().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + now.reason());
        }
        for (BenchmarkHistory.StoredChangePoint p : history.changePoints(machineId, benchmarkId, metric)) {
            out.printf(Locale.ROOT, "  stored change point: run %d, %+.1f%% (p = %.3f), found by run %d over %d runs%n", p.runId(),
                    100 * p.relativeChange(), p.pValue(), p.detectedByRunId(), p.historyRuns());
        }
        out.println();
    }
}
