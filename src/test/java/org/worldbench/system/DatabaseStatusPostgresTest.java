package org.worldbench.system;

import org.worldbench.testsupport.db.PostgresTest;

@PostgresTest
class DatabaseStatusPostgresTest extends DatabaseStatusContract {
}
