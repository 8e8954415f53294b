package org.worldbench.results;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BaselineRepository extends JpaRepository<Baseline, Long> {

    Optional<Baseline> findByNameAndMachineId(String name, Long machineId);

    List<Baseline> findByName(String name);

    List<Baseline> findByRunId(Long runId);
}
