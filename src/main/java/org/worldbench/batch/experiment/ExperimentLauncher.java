package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.experiment.jmh.ForkableClassPath;
import org.worldbench.experiment.spec.ExperimentSpec;
import org.worldbench.experiment.spec.ExperimentSpecWriter;
import org.worldbench.experiment.spec.InvalidSpecException;
import org.worldbench.results.MachineFingerprint;
import org.worldbench.results.Machines;
import org.worldbench.results.Run;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStatus;

/**
 * Starts and restarts {@code experimentJob} runs. A spec is validated completely before anything
 * is stored: an invalid spec throws {@link InvalidSpecException} and leaves the database as it was.
 * Jobs run synchronously in the calling thread.
 */
@Service
public class ExperimentLauncher {

    private final ExperimentSpecs specs;
    private final Machines machines;
    private final RunRepository runs;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job experimentJob;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ExperimentLauncher(ExperimentSpecs specs, Machines machines, RunRepository runs, JobOperator jobOperator,
            JobRepository jobRepository, Job experimentJob, TransactionTemplate transactions, Clock clock) {
        this.specs = specs;
        this.machines = machines;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.experimentJob = experimentJob;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What to run and how to label it.
     *
     * @param specFile  the experiment spec
     * @param gitCommit revision measured, or null
     * @param gitBranch branch measured, or null (runs without a branch are compared with each other)
     * @param tags      labels added to the spec's tags (these win on a clash)
     * @param forceMachine compare with a baseline from another machine instead of refusing it
     *                  ({@code --force-machine}; stored in the spec snapshot, so a restart keeps it)
     */
    public record Request(Path specFile, String gitCommit, String gitBranch, Map<String, String> tags, boolean forceMachine) {

        public Request(Path specFile, String gitCommit, String gitBranch, Map<String, String> tags) {
            this(specFile, gitCommit, gitBranch, tags, false);
        }
    }

    /** Validates the spec and stores the run, without starting it: the run id exists before the job does. */
    public Run prepare(Request request) {
        ExperimentSpec parsed = specs.parse(request.specFile()); // throws before anything is stored
        ExperimentSpec spec = request.forceMachine() ? parsed.withBaseline(parsed.baseline().allowingOtherMachine()) : parsed;
        ForkableClassPath.check();
        Map<String, String> tags = new TreeMap<>(spec.tags());
        tags.putAll(request.tags());
        return transactions.execute(tx -> runs.save(new Run(spec.name(), spec.description(), request.specFile().toString(),
                ExperimentSpecWriter.toYaml(spec), machines.findOrCreate(MachineFingerprint.current()), request.gitCommit(),
                request.gitBranch(), tags, clock.instant())));
    }

    /** Runs the job for a prepared run to its end and returns the run as stored afterwards. */
    public Run start(Run run) {
        try {
            jobOperator.start(experimentJob, parameters(run.getId()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the experiment job for run " + run.getId() + ": " + e.getMessage(), e);
        }
        return runs.findById(run.getId()).orElseThrow();
    }

    /** {@link #prepare} then {@link #start}. */
    public Run run(Request request) {
        return start(prepare(request));
    }

    /**
     * Continues an interrupted run with its first unfinished trial. An imported run is refused before
     * anything is written: it has no experiment to measure. A run whose job execution still
     * looks alive is restarted only if the process recorded as running it is gone (killed, crashed):
     * the execution is then marked failed first, as Spring Batch requires.
     *
     * @param force restart even if the run was last measured on another host (whose process this one cannot see)
     */
    public Run restart(long runId, boolean force) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        if (run.isImported()) {
            // Its snapshot names another tool's benchmarks, not a runnable spec: the experiment job would measure nothing sensible.
            throw new IllegalArgumentException("run " + runId + " was imported from " + run.getSpecSource() + " ("
                    + run.getOrigin() + "), not measured: there is no experiment to restart; import the file again"
                    + " ('worldbench import FILE') to store it as a new run");
        }
        if (run.getStatus() == RunStatus.COMPLETED) {
            throw new IllegalArgumentException("run " + runId + " is completed: nothing to restart"
                    + " ('worldbench report " + runId + "' writes its report again)");
        }
        ForkableClassPath.check();
        if (run.getJobExecutionId() == null) {
            return start(run); // stored but never started
        }
        JobExecution execution = Optional.ofNullable(jobRepository.getJobExecution(run.getJobExecutionId()))
                .orElseThrow(() -> new IllegalStateException("run " + runId + ": job execution " + run.getJobExecutionId()
                        + " is missing from the job repository"));
        if (execution.isRunning()) {
            String here = Machines.hostName();
            boolean sameHost = here.equals(run.getRunnerHost());
            boolean alive = sameHost && run.getRunnerPid() != null
                    && ProcessHandle.of(run.getRunnerPid()).map(ProcessHandle::isAlive).orElse(false)
                    && run.getRunnerPid() != ProcessHandle.current().pid();
            if (alive) {
                throw new IllegalStateException("run " + runId + " is still being measured by process " + run.getRunnerPid()
                        + " on this host");
            }
            if (!sameHost && !force) {
                throw new IllegalStateException("run " + runId + " was being measured on host " + run.getRunnerHost()
                        + "; if that process is gone, restart with --force");
            }
            execution = jobOperator.recover(execution); // the process died: mark the execution failed
        }
        try {
            jobOperator.restart(execution);
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart run " + runId + ": " + e.getMessage(), e);
        }
        return runs.findById(runId).orElseThrow();
    }

    static JobParameters parameters(long runId) {
        return new JobParametersBuilder().addLong(ExperimentJobConfiguration.RUN_ID, runId).toJobParameters();
    }
}
