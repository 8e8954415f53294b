package org.worldbench.results;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finds or records the machine a run is measured on. */
@Service
public class Machines {

    private final MachineRepository machines;
    private final Clock clock;

    public Machines(MachineRepository machines, Clock clock) {
        this.machines = machines;
        this.clock = clock;
    }

    /** The row for this fingerprint, created the first time the machine is seen. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Machine findOrCreate(MachineFingerprint fingerprint) {
        return findOrCreate(fingerprint, hostName());
    }

    /** As {@link #findOrCreate(MachineFingerprint)} for another machine (an import): {@code hostName} is recorded if the row is new. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Machine findOrCreate(MachineFingerprint fingerprint, String hostName) {
        return machines.findByFingerprint(fingerprint.hash()).orElseGet(() -> {
            try {
                return machines.saveAndFlush(new Machine(fingerprint, hostName, clock.instant()));
            } catch (DataIntegrityViolationException raced) {
                return machines.findByFingerprint(fingerprint.hash()).orElseThrow(() -> raced);
            }
        });
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
