package dev.retort.lint;

import java.util.List;

/** What {@link Linter} found: the revisions it read, in order, and every finding, the suppressed ones included. */
public record LintResult(List<String> revisions, List<Finding> findings) {
    public LintResult {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
    }

    /** The findings that count: not suppressed. */
    public List<Finding> reported() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    public long errors() {
        return reported().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return reported().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}
