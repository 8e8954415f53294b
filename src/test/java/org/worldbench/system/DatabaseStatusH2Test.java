package org.worldbench.system;

import org.worldbench.testsupport.db.H2Test;

@H2Test
class DatabaseStatusH2Test extends DatabaseStatusContract {
}
