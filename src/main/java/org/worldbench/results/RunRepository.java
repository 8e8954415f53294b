package org.worldbench.results;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RunRepository extends JpaRepository<Run, Long> {

    /** Newest first. */
    List<Run> findAllByOrderByIdDesc(Pageable page);

    List<Run> findByExperimentOrderByIdDesc(String experiment, Pageable page);

    /**
     * The latest completed run of an experiment on a machine and branch before {@code beforeRunId}:
     * the baseline of mode {@code latest}. A null branch matches runs without a branch.
     */
    @Query("""
            select r from Run r
            where r.machine.id = :machineId and r.experiment = :experiment
              and ((:branch is null and r.gitBranch is null) or r.gitBranch = :branch)
              and r.status = org.worldbench.results.RunStatus.COMPLETED and r.id < :beforeRunId
            order by r.id desc""")
    List<Run> findLatestCompleted(@Param("machineId") Long machineId, @Param("experiment") String experiment,
            @Param("branch") String branch, @Param("beforeRunId") Long beforeRunId, Pageable page);

    default Optional<Run> latestCompletedBefore(Run run) {
        return findLatestCompleted(run.getMachine().getId(), run.getExperiment(), run.getGitBranch(), run.getId(),
                Pageable.ofSize(1)).stream().findFirst();
    }
}
