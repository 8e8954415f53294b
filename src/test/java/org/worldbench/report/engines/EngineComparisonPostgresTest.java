package org.worldbench.report.engines;

import org.worldbench.testsupport.db.PostgresTest;

@PostgresTest
class EngineComparisonPostgresTest extends EngineComparisonContract {
}
