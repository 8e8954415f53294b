package org.worldbench.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two measurements comparable: CPU model, core count, memory, OS, JVM vendor and version.
 * Its {@link #hash()} is the machine's identity in the database.
 *
 * @param memoryMib physical memory in MiB, rounded down to 256 MiB so firmware reservations that vary
 *                  by a few MiB between boots do not make a new machine
 */
public record MachineFingerprint(String cpuModel, int cores, long memoryMib, String osName, String osVersion,
        String osArch, String jvmVendor, String jvmVersion) {

    /** The machine this JVM runs on. Benchmarks fork the same JVM, so its vendor and version are theirs. */
    public static MachineFingerprint current() {
        long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        long mib = bytes / (1024 * 1024);
        return new MachineFingerprint(detectCpuModel(), Runtime.getRuntime().availableProcessors(), mib - mib % 256,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor"), System.getProperty("java.vm.version"));
    }

    /** SHA-256 of the fields, hex: stable across runs, equal for equal machines. */
    public String hash() {
        String canonical = String.join("\n", cpuModel, Integer.toString(cores), Long.toString(memoryMib), osName, osVersion,
                osArch, jvmVendor, jvmVersion);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name") && line.contains(":")) {
                        return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
                    }
                }
            } catch (IOException e) {
                // fall through to the architecture
            }
        }
        String identifier = System.getenv("PROCESSOR_IDENTIFIER"); // Windows
        return identifier != null ? identifier : "unknown " + System.getProperty("os.arch") + " CPU";
    }
}
