package org.worldbench.experiment.jmh;

/** A trial that could not be measured: its fork failed or returned nothing. */
public final class TrialFailedException extends RuntimeException {

    public TrialFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
