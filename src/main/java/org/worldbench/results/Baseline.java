package org.worldbench.results;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A run promoted under a name ({@code main}, {@code release-1.2}) on one machine. */
@Entity
@Table(name = "baseline")
public class Baseline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Baseline() {
    }

    public Baseline(String name, Long machineId, Long runId, Instant updatedAt) {
        this.name = name;
        this.machineId = machineId;
        this.runId = runId;
        this.updatedAt = updatedAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Long getMachineId() { return machineId; }
    public Long getRunId() { return runId; }
    public Instant getUpdatedAt() { return updatedAt; }

    public void pointTo(Long runId, Instant now) {
        this.runId = runId;
        this.updatedAt = now;
    }
}
