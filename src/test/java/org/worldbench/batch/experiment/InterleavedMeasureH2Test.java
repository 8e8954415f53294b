package org.worldbench.batch.experiment;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class InterleavedMeasureH2Test extends InterleavedMeasureContract {
}
