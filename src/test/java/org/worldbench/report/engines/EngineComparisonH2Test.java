package org.worldbench.report.engines;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class EngineComparisonH2Test extends EngineComparisonContract {
}
