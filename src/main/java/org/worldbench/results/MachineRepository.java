package org.worldbench.results;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MachineRepository extends JpaRepository<Machine, Long> {

    Optional<Machine> findByFingerprint(String fingerprint);
}
