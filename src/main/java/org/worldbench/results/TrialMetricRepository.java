package org.worldbench.results;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TrialMetricRepository extends JpaRepository<TrialMetric, TrialMetric.Key> {

    @Query("select m from TrialMetric m where m.key.trialId in (select t.id from Trial t where t.runId = :runId)")
    List<TrialMetric> findByRun(@Param("runId") Long runId);
}
