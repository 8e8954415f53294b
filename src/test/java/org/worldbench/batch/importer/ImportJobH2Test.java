package org.worldbench.batch.importer;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class ImportJobH2Test extends ImportJobContract {
}
