package org.worldbench;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring half of worldbench: persistence, the batch jobs, reports, the web dashboard.
 *
 * <p>It is never started on its own: {@link org.worldbench.cli.WorldbenchCli} parses the
 * command line first and boots this context only for commands that need the database, so
 * {@code worldbench --help} and {@code worldbench version} answer instantly.
 */
@SpringBootApplication
public class WorldbenchApplication {
}
