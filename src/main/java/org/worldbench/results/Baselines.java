package org.worldbench.results;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.experiment.spec.BaselineSelection;

/**
 * Named baselines and the choice of a run's baseline. A baseline is always a completed run on the
 * same machine fingerprint: a name that exists only on other machines is reported as such, never
 * silently used.
 */
@Service
public class Baselines {

    private final BaselineRepository baselines;
    private final RunRepository runs;
    private final Clock clock;

    public Baselines(BaselineRepository baselines, RunRepository runs, Clock clock) {
        this.baselines = baselines;
        this.runs = runs;
        this.clock = clock;
    }

    /** The chosen baseline run, or empty; and in either case a note saying how or why not. */
    public record Choice(Optional<Run> run, String note) {
    }

    /** Promotes {@code runId} to baseline {@code name} on the run's machine (replacing an older one of that name). */
    @Transactional
    public Baseline promote(String name, long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        if (run.getStatus() != RunStatus.COMPLETED) {
            throw new IllegalArgumentException("run " + runId + " is " + run.getStatus().code()
                    + ": only a completed run can be a baseline");
        }
        Long machineId = run.getMachine().getId();
        Baseline baseline = baselines.findByNameAndMachineId(name, machineId)
                .orElseGet(() -> new Baseline(name, machineId, runId, clock.instant()));
        baseline.pointTo(runId, clock.instant());
        return baselines.save(baseline);
    }

    @Transactional(readOnly = true)
    public Choice choose(Run run, BaselineSelection selection) {
        return switch (selection.mode()) {
            case NONE -> new Choice(Optional.empty(), "no baseline: the spec says 'none'");
            case LATEST -> runs.latestCompletedBefore(run)
                    .map(r -> new Choice(Optional.of(r), "latest completed run of '" + run.getExperiment()
                            + "' on this machine and branch " + (run.getGitBranch() == null ? "(none)" : "'" + run.getGitBranch() + "'")
                            + ": run " + r.getId()))
                    .orElseGet(() -> new Choice(Optional.empty(), "no earlier completed run of '" + run.getExperiment()
                            + "' on this machine and branch: this run is the first"));
            case NAMED -> named(run, selection.name());
        };
    }

    private Choice named(Run run, String name) {
        Optional<Baseline> here = baselines.findByNameAndMachineId(name, run.getMachine().getId());
        if (here.isPresent()) {
            Run baseline = runs.findById(here.get().getRunId()).orElseThrow();
            return new Choice(Optional.of(baseline), "baseline '" + name + "': run " + baseline.getId());
        }
        String elsewhere = baselines.findByName(name).stream().map(b -> "machine " + b.getMachineId())
                .collect(Collectors.joining(", "));
        return new Choice(Optional.empty(), "no baseline '" + name + "' on this machine (fingerprint "
                + run.getMachine().getFingerprint().substring(0, 12) + ")"
                + (elsewhere.isEmpty() ? "" : "; it exists on " + elsewhere + ", which is not compared silently")
                + ": promote a run with 'worldbench baseline set " + name + " RUN'");
    }
}
