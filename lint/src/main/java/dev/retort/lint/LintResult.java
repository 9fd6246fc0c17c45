package dev.retort.lint;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import java.util.List;

/**
 * What {@link Linter} found: the revisions it read, in order, and every finding, the suppressed ones included, by the
 * rules of the database it read them for ({@code mySql}: MySQL's, for a MariaDB dialect's project on MySQL).
 */
public record LintResult(List<String> revisions, List<Finding> findings, Dialect dialect, boolean mySql) {
    public LintResult {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
        requireNonNull(dialect, "dialect");
    }

    /** Read by the rules of a database other than MySQL. */
    public LintResult(List<String> revisions, List<Finding> findings, Dialect dialect) {
        this(revisions, findings, dialect, false);
    }

    /** Read by PostgreSQL's rules. */
    public LintResult(List<String> revisions, List<Finding> findings) {
        this(revisions, findings, Dialect.POSTGRESQL);
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
