package org.worldbench.results;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrialRepository extends JpaRepository<Trial, Long> {

    List<Trial> findByRunIdOrderByOrdinal(Long runId);

    /** The next trial to measure: the first pending one in plan order. */
    Optional<Trial> findFirstByRunIdAndStatusOrderByOrdinal(Long runId, TrialStatus status);

    long countByRunId(Long runId);

    long countByRunIdAndStatus(Long runId, TrialStatus status);
}
