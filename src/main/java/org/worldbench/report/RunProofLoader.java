package org.worldbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.worldbench.analysis.Samples;
import org.worldbench.analysis.proof.RunProof;
import org.worldbench.experiment.jmh.MetricMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.results.RunStore;
import org.worldbench.results.Trial;
import org.worldbench.results.TrialMetric;
import org.worldbench.results.TrialMetricRepository;
import org.worldbench.results.TrialRepository;
import org.worldbench.results.TrialStatus;

/** Reads a run's measured trials (primary metric) for {@link RunProof}: the proof's tables on real runs. */
@Component
public class RunProofLoader {

    private final TrialRepository trials;
    private final TrialMetricRepository metrics;
    private final RunStore store;

    public RunProofLoader(TrialRepository trials, TrialMetricRepository metrics, RunStore store) {
        this.trials = trials;
        this.metrics = metrics;
        this.store = store;
    }

    /**
     * The run's measured trials with their primary samples.
     *
     * @param trials the trials
     * @param units  the units they were measured in (one, for a table to make sense)
     */
    public record Loaded(List<RunProof.Trial> trials, Set<String> units) {
    }

    @Transactional(readOnly = true)
    public Loaded load(long runId) {
        List<Trial> done = trials.findByRunIdOrderByOrdinal(runId).stream().filter(t -> t.getStatus() == TrialStatus.DONE).toList();
        Map<Long, double[][]> samples = store.samples(done.stream().map(Trial::getId).toList(), MetricMeasurement.PRIMARY);
        Set<String> units = new TreeSet<>();
        Map<Long, String> unitByTrial = new HashMap<>();
        for (TrialMetric m : metrics.findByRun(runId)) {
            if (m.getMetric().equals(MetricMeasurement.PRIMARY)) {
                unitByTrial.put(m.getTrialId(), m.getUnit());
                units.add(m.getUnit());
            }
        }
        List<RunProof.Trial> loaded = new ArrayList<>();
        for (Trial t : done) {
            double[][] forks = samples.get(t.getId());
            if (forks != null && unitByTrial.containsKey(t.getId())) {
                loaded.add(new RunProof.Trial(t.getBenchmark().getName(), PlannedTrial.parseKey(t.getBenchmark().getParamsKey()),
                        Samples.of(forks)));
            }
        }
        return new Loaded(loaded, units);
    }
}
