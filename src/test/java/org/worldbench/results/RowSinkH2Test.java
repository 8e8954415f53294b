package org.worldbench.results;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class RowSinkH2Test extends RowSinkContract {
}
