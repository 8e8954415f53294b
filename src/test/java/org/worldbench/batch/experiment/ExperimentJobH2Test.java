package org.worldbench.batch.experiment;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class ExperimentJobH2Test extends ExperimentJobContract {
}
