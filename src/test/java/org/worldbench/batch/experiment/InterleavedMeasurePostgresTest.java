package org.worldbench.batch.experiment;

import org.worldbench.testsupport.db.PostgresTest;

@PostgresTest
class InterleavedMeasurePostgresTest extends InterleavedMeasureContract {
}
