package org.worldbench.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A benchmark's identity across runs: JMH method name plus canonical parameter key. */
@Entity
@Table(name = "benchmark")
public class Benchmark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    /** {@code name=value} pairs sorted by name, joined by commas; empty for a benchmark without parameters. */
    @Column(name = "params_key", nullable = false, length = 1000)
    private String paramsKey;

    @Column(name = "class_name", nullable = false, length = 500)
    private String className;

    protected Benchmark() {
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getParamsKey() { return paramsKey; }
    public String getClassName() { return className; }

    /** {@code synthetic{size=10000,slowdown=5}}. */
    public String label() {
        return name + (paramsKey.isEmpty() ? "" : "{" + paramsKey + "}");
    }
}
