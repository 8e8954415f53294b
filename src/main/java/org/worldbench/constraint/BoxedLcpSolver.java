package org.worldbench.constraint;

/**
 * Solves a {@link BoxedLcp} in place: x receives the solution; lo and hi may be overwritten; A, b
 * and findex are left as they were (the caller's fallback backup relies on it).
 */
interface BoxedLcpSolver {

    /** @return whether a solution was found (the caller also checks that x is finite) */
    boolean solve(Workspace ws, BoxedLcp lcp);
}
