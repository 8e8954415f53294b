package org.worldbench.testsupport.db;

/** The two databases every persistence test runs against. */
public enum TestDatabase {
    H2,
    POSTGRES
}
