package dev.retort.spring.internal;

import dev.retort.RetortException;
import dev.retort.VisibleText;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that Retort stopped into Spring Boot's short failure report: Retort's one-line
 * message, its hidden characters spelled out (it may quote the server or the database), and what to do.
 */
public final class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
        return new FailureAnalysis(
                "Retort did not migrate the database: " + VisibleText.of(cause.getMessage(), false),
                "Fix what the message names, or set retort.enabled=false to start without migrating"
                        + " (and migrate with 'retort upgrade heads' where the deployment does).",
                cause);
    }
}
