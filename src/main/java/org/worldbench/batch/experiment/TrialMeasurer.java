package org.worldbench.batch.experiment;

import java.nio.file.Path;

import org.worldbench.experiment.jmh.JmhTrialRunner;
import org.worldbench.experiment.jmh.TrialMeasurement;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.experiment.spec.JmhSettings;

/**
 * What the measure step needs of JMH: {@link JmhTrialRunner#measure} in production; the tests of the
 * step's order, restart and failure handling give measurements of their own instead of forking JVMs.
 */
@FunctionalInterface
interface TrialMeasurer {

    /**
     * @throws org.worldbench.experiment.jmh.TrialFailedException if the benchmark failed (the trial fails, the run goes on)
     */
    TrialMeasurement measure(PlannedTrial trial, JmhSettings settings, Path log);
}
