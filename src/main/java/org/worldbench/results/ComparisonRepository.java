package org.worldbench.results;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ComparisonRepository extends JpaRepository<Comparison, Long> {

    List<Comparison> findByRunIdOrderById(Long runId);

    /** Deletes a run's comparisons with their baseline-run rows (a bulk delete does not cascade to them). */
    default int deleteByRun(Long runId) {
        deleteBaselineRunsOfRun(runId);
        return deleteComparisonsOfRun(runId);
    }

    @Modifying
    @Query(value = "DELETE FROM comparison_baseline_run WHERE comparison_id IN (SELECT id FROM comparison WHERE run_id = :runId)",
            nativeQuery = true)
    int deleteBaselineRunsOfRun(@Param("runId") Long runId);

    @Modifying
    @Query("delete from Comparison c where c.runId = :runId")
    int deleteComparisonsOfRun(@Param("runId") Long runId);
}
