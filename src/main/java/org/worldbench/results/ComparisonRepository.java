package org.worldbench.results;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ComparisonRepository extends JpaRepository<Comparison, Long> {

    List<Comparison> findByRunIdOrderById(Long runId);

    @Modifying
    @Query("delete from Comparison c where c.runId = :runId")
    int deleteByRun(@Param("runId") Long runId);
}
