package org.worldbench.testsupport.db;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests with a one-line reason when no server answers, except under CI
 * ({@code CI=true}), where a missing server is a failure: CI must prove both databases.
 */
public final class PostgresAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var reason = PostgresServer.unavailableReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresServer.URL);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + reason.get());
        }
        return ConditionEvaluationResult.disabled(reason.get());
    }
}
