package org.worldbench.results;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A machine results were measured on, identified by its {@link MachineFingerprint}. */
@Entity
@Table(name = "machine")
public class Machine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "cpu_model", nullable = false)
    private String cpuModel;

    /** Logical processors the JVM sees. */
    @Column(nullable = false)
    private int cores;

    /** Physical memory, MiB. */
    @Column(name = "memory_mib", nullable = false)
    private long memoryMib;

    @Column(name = "os_name", nullable = false)
    private String osName;

    @Column(name = "os_version", nullable = false)
    private String osVersion;

    @Column(name = "os_arch", nullable = false)
    private String osArch;

    @Column(name = "jvm_vendor", nullable = false)
    private String jvmVendor;

    @Column(name = "jvm_version", nullable = false)
    private String jvmVersion;

    /** Informational: not part of the fingerprint (two identical cloud machines are the same machine). */
    @Column(name = "host_name")
    private String hostName;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    protected Machine() {
    }

    public Machine(MachineFingerprint f, String hostName, Instant firstSeen) {
        this.fingerprint = f.hash();
        this.cpuModel = f.cpuModel();
        this.cores = f.cores();
        this.memoryMib = f.memoryMib();
        this.osName = f.osName();
        this.osVersion = f.osVersion();
        this.osArch = f.osArch();
        this.jvmVendor = f.jvmVendor();
        this.jvmVersion = f.jvmVersion();
        this.hostName = hostName;
        this.firstSeen = firstSeen;
    }

    public Long getId() { return id; }
    public String getFingerprint() { return fingerprint; }
    public String getCpuModel() { return cpuModel; }
    public int getCores() { return cores; }
    public long getMemoryMib() { return memoryMib; }
    public String getOsName() { return osName; }
    public String getOsVersion() { return osVersion; }
    public String getOsArch() { return osArch; }
    public String getJvmVendor() { return jvmVendor; }
    public String getJvmVersion() { return jvmVersion; }
    public String getHostName() { return hostName; }
    public Instant getFirstSeen() { return firstSeen; }

    /** {@code Intel Xeon ... · 2 cores · 23.4 GiB · Linux 6.1 amd64 · Eclipse Adoptium 25.0.3}. */
    public String describe() {
        return cpuModel + " · " + cores + " cores · " + String.format(java.util.Locale.ROOT, "%.1f GiB", memoryMib / 1024.0)
                + " · " + osName + " " + osVersion + " " + osArch + " · " + jvmVendor + " " + jvmVersion;
    }
}
