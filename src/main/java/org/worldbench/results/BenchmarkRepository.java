package org.worldbench.results;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BenchmarkRepository extends JpaRepository<Benchmark, Long> {

    Optional<Benchmark> findByNameAndParamsKey(String name, String paramsKey);
}
