package org.worldbench.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * For the long-running server ({@code worldbench serve}, the docker-compose app): a database that
 * does not answer is reported with its URL and what to do, instead of a stack trace.
 * The command line reports the same failure itself, in one line.
 */
final class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return DatabaseConnectionFailure.find(failure, environment.getProperty("spring.datasource.url"))
                .map(found -> new FailureAnalysis(found.oneLine(), found.action(), failure))
                .orElse(null);
    }
}
