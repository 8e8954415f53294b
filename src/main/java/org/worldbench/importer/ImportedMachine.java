package org.worldbench.importer;

import org.worldbench.results.MachineFingerprint;

/**
 * What a result file says about the machine and runtime it was measured on; null where it says
 * nothing. JMH JSON names only the JVM, Google Benchmark's context the host, CPUs and caches, BMF
 * nothing at all.
 *
 * @param hostName   the host's name, if the file gives it
 * @param cpu        CPU description (Google Benchmark: count, clock and caches; no model name)
 * @param cores      logical CPUs, 0 if unknown
 * @param runtime    runtime vendor/name (JMH: the VM name; Google Benchmark: the library)
 * @param runtimeVersion runtime version (JMH: the VM version; Google Benchmark: library version and build type)
 */
public record ImportedMachine(String hostName, String cpu, int cores, String runtime, String runtimeVersion) {

    static final String UNKNOWN = "unknown";

    /**
     * The fingerprint under which the imported run is stored: only runs with equal fingerprints are
     * compared. Hardware the file does not describe is taken from this machine when no machine name
     * is given (the usual case: the results were measured where they are imported); with a machine
     * name, it is that name, and the name is part of the identity.
     *
     * @param machineName {@code --machine-name}, or null
     * @param here        this machine
     */
    public MachineFingerprint fingerprint(String machineName, MachineFingerprint here) {
        String name = machineName != null ? machineName : hostName;
        String vendor = runtime == null ? UNKNOWN : runtime;
        String version = runtimeVersion == null ? UNKNOWN : runtimeVersion;
        if (name == null) {
            return new MachineFingerprint(here.cpuModel(), here.cores(), here.memoryMib(), here.osName(), here.osVersion(),
                    here.osArch(), vendor, version);
        }
        String description = cpu == null ? "CPU not described by the file" : cpu;
        return new MachineFingerprint(name + " · " + description, cores, 0, UNKNOWN, UNKNOWN, UNKNOWN, vendor, version);
    }
}
