package org.worldbench.batch.importer;

import org.worldbench.testsupport.db.PostgresTest;

@PostgresTest
class ImportJobPostgresTest extends ImportJobContract {
}
