package org.worldbench.constraint;

/**
 * DART 6.12's contact defaults (golden README §7.2), used for every contact: friction coefficient
 * 1.0 on both friction directions, restitution 0, error reduction parameter 0.01 capped at 1e-3 m/s,
 * constraint force mixing 1e-5 (A_ii ← A_ii·(1 + cfm)), error allowance 0, at most 1000 contacts.
 */
final class ContactParameters {

    static final double FRICTION_COEFFICIENT = 1.0;
    static final double RESTITUTION_COEFFICIENT = 0.0;
    static final double ERROR_REDUCTION_PARAMETER = 0.01;
    static final double MAX_ERROR_REDUCTION_VELOCITY = 1e-3;
    static final double CONSTRAINT_FORCE_MIXING = 1e-5;
    static final double ERROR_ALLOWANCE = 0.0;
    /** A restitution velocity below this is ignored (m/s). */
    static final double BOUNCING_VELOCITY_THRESHOLD = 1e-3;
    static final double MAX_BOUNCING_VELOCITY = 1e2;
    static final int MAX_CONTACTS = 1000;
    /** Squared length under which a candidate friction direction is rejected. */
    static final double EPSILON_SQUARED = 1e-12;

    private ContactParameters() {
    }
}
