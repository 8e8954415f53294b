package org.worldbench.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.data.domain.Pageable;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worldbench runs}: the latest runs, newest first, with how many of their trials are measured. */
@Command(name = "runs", description = "List the latest runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    private RootCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment.")
    private String experiment;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        try (PlatformContext platform = PlatformContext.start(root.profile())) {
            RunRepository runs = platform.bean(RunRepository.class);
            TrialRepository trials = platform.bean(TrialRepository.class);
            List<Run> list = experiment == null ? runs.findAllByOrderByIdDesc(Pageable.ofSize(limit))
                    : runs.findByExperimentOrderByIdDesc(experiment, Pageable.ofSize(limit));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%6s  %-16s  %-10s  %-9s  %-20s  %-12s  %-20s  %s%n", "run", "created (UTC)", "status",
                    "trials", "experiment", "commit", "branch", "machine");
            for (Run r : list) {
                String progress = trials.countByRunIdAndStatus(r.getId(), TrialStatus.DONE) + "/" + trials.countByRunId(r.getId());
                out.printf(Locale.ROOT, "%6d  %-16s  %-10s  %-9s  %-20s  %-12s  %-20s  %s%n", r.getId(),
                        TIME.format(r.getCreatedAt()), r.getStatus().code(), progress, r.getExperiment(),
                        r.getGitCommit() == null ? "–" : r.getGitCommit().substring(0, Math.min(12, r.getGitCommit().length())),
                        r.getGitBranch() == null ? "–" : r.getGitBranch(), r.getMachine().getFingerprint().substring(0, 12));
            }
            if (list.isEmpty()) {
                out.println("no runs yet: try './worldbench run config/experiments/quick.yaml'");
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
