package org.worldbench.results;

import org.worldbench.testsupport.db.PostgresTest;

@PostgresTest
class ComparisonWriterPostgresTest extends ComparisonWriterContract {
}
