package org.worldbench.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.experiment.spec.BaselineSelection;

/**
 * Named baselines and the choice of a run's baseline: a named run, the latest run, or the last k
 * runs pooled (rolling). Latest and rolling baselines are always completed runs on the same machine
 * fingerprint; a name that exists only on other machines is offered with
 * {@link Choice#otherMachine()} set, and the compare step refuses it unless forced.
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

    /**
     * The chosen baseline, or none; in either case a note saying how or why not.
     *
     * @param runs         the baseline's runs, oldest first: one, or up to k for a rolling baseline; empty for none
     * @param mode         how they were chosen ({@code named}, {@code latest}, {@code rolling}), null for none
     * @param note         how the baseline was chosen, or why there is none, for reports
     * @param otherMachine the baseline was measured on another machine than the run (named baselines only):
     *                     the compare step refuses it unless the spec or the command line forces it
     */
    public record Choice(List<Run> runs, String mode, String note, boolean otherMachine) {

        public Choice {
            runs = List.copyOf(runs);
        }

        static Choice none(String note) {
            return new Choice(List.of(), null, note, false);
        }

        /** The newest run of the baseline. */
        public Optional<Run> run() {
            return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
        }
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
        String branch = run.getGitBranch() == null ? "(none)" : "'" + run.getGitBranch() + "'";
        return switch (selection.mode()) {
            case NONE -> Choice.none("no baseline: the spec says 'none'");
            case LATEST -> runs.latestCompletedBefore(run)
                    .map(r -> new Choice(List.of(r), "latest", "latest completed run of '" + run.getExperiment()
                            + "' on this machine and branch " + branch + ": run " + r.getId(), false))
                    .orElseGet(() -> Choice.none("no earlier completed run of '" + run.getExperiment()
                            + "' on this machine and branch: this run is the first"));
            case ROLLING -> rolling(run, selection.runs(), branch);
            case NAMED -> named(run, selection.name());
        };
    }

    private Choice rolling(Run run, int k, String branch) {
        List<Run> newestFirst = runs.findLatestCompleted(run.getMachine().getId(), run.getExperiment(), run.getGitBranch(),
                run.getId(), Pageable.ofSize(k));
        if (newestFirst.isEmpty()) {
            return Choice.none("no earlier completed run of '" + run.getExperiment()
                    + "' on this machine and branch: this run is the first");
        }
        List<Run> oldestFirst = new ArrayList<>(newestFirst.reversed());
        return new Choice(oldestFirst, "rolling", "rolling baseline: the pooled samples of the last " + oldestFirst.size()
                + (oldestFirst.size() < k ? " (of " + k + " asked; no more exist)" : "") + " completed runs of '"
                + run.getExperiment() + "' on this machine and branch " + branch + ": runs "
                + oldestFirst.stream().map(r -> r.getId().toString()).collect(Collectors.joining(", ")), false);
    }

    private Choice named(Run run, String name) {
        Optional<Baseline> here = baselines.findByNameAndMachineId(name, run.getMachine().getId());
        if (here.isPresent()) {
            Run baseline = runs.findById(here.get().getRunId()).orElseThrow();
            return new Choice(List.of(baseline), "named", "baseline '" + name + "': run " + baseline.getId(), false);
        }
        // Only elsewhere: offer the most recently promoted one; the compare step refuses it unless forced.
        Optional<Baseline> elsewhere = baselines.findByName(name).stream().max(Comparator.comparing(Baseline::getUpdatedAt));
        if (elsewhere.isEmpty()) {
            return Choice.none("no baseline '" + name + "' on any machine: promote a run with 'worldbench baseline set "
                    + name + " RUN'");
        }
        Run baseline = runs.findById(elsewhere.get().getRunId()).orElseThrow();
        return new Choice(List.of(baseline), "named", "no baseline '" + name + "' on this machine (fingerprint "
                + run.getMachine().getFingerprint().substring(0, 12) + "); it exists on machine " + elsewhere.get().getMachineId()
                + " (fingerprint " + baseline.getMachine().getFingerprint().substring(0, 12) + "): run " + baseline.getId(), true);
    }
}
