package org.worldbench.batch.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.batch.experiment.ExperimentJobConfiguration;
import org.worldbench.experiment.spec.ImportSnapshot;
import org.worldbench.importer.ImportedBenchmark;
import org.worldbench.importer.ImportedResults;
import org.worldbench.importer.ResultFiles;
import org.worldbench.importer.ResultFormat;
import org.worldbench.experiment.plan.PlannedTrial;
import org.worldbench.results.FinishedTrialWriter.FinishedTrial;
import org.worldbench.results.Machine;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.Machines;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;

/**
 * Imports a result file as a run: reads and checks the whole file first (nothing is written for a
 * bad file), stores machine, run, trials, metrics and every sample in one transaction, then runs
 * {@code importJob} (the experiment job's compare and report steps) for it. Synchronous.
 */
@Service
public class ImportLauncher {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ResultFiles files;
    private final Machines machines;
    private final RunRepository runs;
    private final RunStore store;
    private final JobOperator jobOperator;
    private final Job importJob;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ImportLauncher(ResultFiles files, Machines machines, RunRepository runs, RunStore store, JobOperator jobOperator,
            @Qualifier(ImportJobConfiguration.JOB_NAME) Job importJob, TransactionTemplate transactions, Clock clock) {
        this.files = files;
        this.machines = machines;
        this.runs = runs;
        this.store = store;
        this.jobOperator = jobOperator;
        this.importJob = importJob;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What to import and how to label it.
     *
     * @param file        the result file
     * @param format      its format, or null to detect it
     * @param experiment  experiment name, or null: Google Benchmark's program name, else {@code import-<format>}
     * @param gitCommit   revision measured, or null
     * @param gitBranch   branch measured, or null
     * @param machineName the machine the file was measured on, or null (see {@code ImportedMachine})
     */
    public record Request(Path file, ResultFormat format, String experiment, String gitCommit, String gitBranch,
            String machineName) {
    }

    /** Reads, checks and stores the file as a run, without comparing it: the run exists before its job. */
    public Run store(Request request) {
        if (request.experiment() != null && !NAME.matcher(request.experiment()).matches()) {
            throw new IllegalArgumentException("--experiment: '" + request.experiment()
                    + "' is not a name: 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (request.machineName() != null && (request.machineName().isBlank() || request.machineName().length() > 100)) {
            throw new IllegalArgumentException("--machine-name: 1 to 100 characters");
        }
        ImportedResults results = files.read(request.file(), request.format()); // throws before anything is stored
        String experiment = request.experiment() != null ? request.experiment()
                : results.suggestedExperiment() != null ? results.suggestedExperiment() : "import-" + results.format().code();
        MachineFingerprint fingerprint = results.machine().fingerprint(request.machineName(), MachineFingerprint.current());
        String host = request.machineName() != null ? request.machineName()
                : results.machine().hostName() != null ? results.machine().hostName() : Machines.hostName();
        String description = "imported from " + request.file().getFileName() + " (" + results.format().title() + ", "
                + results.benchmarks().size() + " benchmarks)";
        String snapshot = ImportSnapshot.toYaml(experiment, description, results.format().code(), request.file().toString(),
                results.benchmarks().stream().map(ImportedBenchmark::name).toList());
        Instant now = clock.instant();
        return transactions.execute(tx -> {
            Machine machine = machines.findOrCreate(fingerprint, host);
            Run run = new Run(experiment, description, request.file().toString(), snapshot, machine, request.gitCommit(),
                    request.gitBranch(), results.tags(), now);
            run.markImported(results.format().code());
            run = runs.saveAndFlush(run);
            storeResults(run.getId(), results, now);
            return run;
        });
    }

    /** Runs {@code importJob} for a stored import and returns the run as stored afterwards. */
    public Run compareAndReport(Run run) {
        try {
            jobOperator.start(importJob, new JobParametersBuilder()
                    .addLong(ExperimentJobConfiguration.RUN_ID, run.getId()).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the import job for run " + run.getId() + ": " + e.getMessage(), e);
        }
        return runs.findById(run.getId()).orElseThrow();
    }

    /** {@link #store} then {@link #compareAndReport}. */
    public Run importFile(Request request) {
        return compareAndReport(store(request));
    }

    /** Every result as a finished trial (done, or failed with the tool's message), written once each. */
    private void storeResults(long runId, ImportedResults results, Instant now) {
        List<ImportedBenchmark> benchmarks = results.benchmarks();
        List<FinishedTrial> trials = new ArrayList<>(benchmarks.size());
        for (int i = 0; i < benchmarks.size(); i++) {
            ImportedBenchmark b = benchmarks.get(i);
            trials.add(new FinishedTrial(new PlannedTrial(i + 1, b.name(), b.className(), b.parameters()), b.measurement(),
                    b.failure(), now));
        }
        store.saveFinishedTrials(runId, trials);
    }
}
