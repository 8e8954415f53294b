package org.worldbench.results;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * One execution of an experiment spec on one machine: its snapshot, status, times, git revision,
 * tags, the Spring Batch job execution that measures it and the baseline it was compared with.
 */
@Entity
@Table(name = "run")
public class Run {

    /** The origin of runs measured by the experiment job. */
    public static final String MEASURED = "measured";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String experiment;

    @Column(nullable = false, length = 2000)
    private String description;

    /** The spec file as the user named it; informational. */
    @Column(name = "spec_source", length = 1000)
    private String specSource;

    /** The canonical spec the run was planned from (see ExperimentSpecWriter). */
    @Column(name = "spec_snapshot", nullable = false, length = 1_000_000)
    private String specSnapshot;

    @Column(nullable = false, length = 20)
    private RunStatus status;

    /** {@value #MEASURED} by the experiment job, or {@code imported-<format>} from a result file. */
    @Column(nullable = false, length = 20)
    private String origin = MEASURED;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "git_commit", length = 64)
    private String gitCommit;

    @Column(name = "git_branch", length = 200)
    private String gitBranch;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "machine_id", nullable = false)
    private Machine machine;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "runner_host", length = 200)
    private String runnerHost;

    @Column(name = "runner_pid")
    private Long runnerPid;

    @Column(name = "baseline_run_id")
    private Long baselineRunId;

    /** How the baseline was chosen, or why there is none, for reports. */
    @Column(name = "baseline_note", length = 1000)
    private String baselineNote;

    @Column(length = 4000)
    private String failure;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "run_tag", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "name", length = 100)
    @Column(name = "tag_value", nullable = false, length = 500)
    private Map<String, String> tags = new TreeMap<>();

    protected Run() {
    }

    public Run(String experiment, String description, String specSource, String specSnapshot, Machine machine,
            String gitCommit, String gitBranch, Map<String, String> tags, Instant createdAt) {
        this.experiment = experiment;
        this.description = description;
        this.specSource = specSource;
        this.specSnapshot = specSnapshot;
        this.machine = machine;
        this.gitCommit = gitCommit;
        this.gitBranch = gitBranch;
        this.tags = new TreeMap<>(tags);
        this.createdAt = createdAt;
        this.status = RunStatus.PENDING;
    }

    public Long getId() { return id; }
    public String getExperiment() { return experiment; }
    public String getDescription() { return description; }
    public String getSpecSource() { return specSource; }
    public String getSpecSnapshot() { return specSnapshot; }
    public RunStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getGitCommit() { return gitCommit; }
    public String getGitBranch() { return gitBranch; }
    public Machine getMachine() { return machine; }
    public Long getJobExecutionId() { return jobExecutionId; }
    public String getRunnerHost() { return runnerHost; }
    public Long getRunnerPid() { return runnerPid; }
    public Long getBaselineRunId() { return baselineRunId; }
    public String getBaselineNote() { return baselineNote; }
    public String getFailure() { return failure; }
    public Map<String, String> getTags() { return tags; }
    public String getOrigin() { return origin; }

    /** True for a run imported from a result file (its snapshot is not a runnable spec). */
    public boolean isImported() {
        return !MEASURED.equals(origin);
    }

    /** Marks a new run as imported from a file of the given format code ({@code jmh}, {@code gbench}, {@code bmf}). */
    public void markImported(String formatCode) {
        this.origin = "imported-" + formatCode;
    }

    /** The job started (or restarted) measuring this run in the given process. */
    public void markRunning(long jobExecutionId, String host, long pid, Instant now) {
        this.jobExecutionId = jobExecutionId;
        this.runnerHost = host;
        this.runnerPid = pid;
        this.status = RunStatus.RUNNING;
        this.failure = null;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    public void markFinished(RunStatus status, String failure, Instant now) {
        this.status = status;
        this.failure = failure == null ? null : failure.substring(0, Math.min(failure.length(), 4000));
        this.finishedAt = now;
        this.runnerPid = null;
    }

    public void setBaseline(Long baselineRunId, String note) {
        this.baselineRunId = baselineRunId;
        this.baselineNote = note;
    }
}
