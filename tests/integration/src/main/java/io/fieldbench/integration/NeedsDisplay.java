package io.fieldbench.integration;

import java.awt.GraphicsEnvironment;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test class that needs the workbench window when there is no display, saying how to get one. */
final class NeedsDisplay implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return GraphicsEnvironment.isHeadless()
                ? ConditionEvaluationResult.disabled("no display: run the build under xvfb-run to test the window")
                : ConditionEvaluationResult.enabled("a display is there");
    }
}
