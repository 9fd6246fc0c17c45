package dev.retort.lint;

import java.util.EnumMap;
import java.util.Map;

/**
 * The project's lint settings: each rule's severity ({@code lint.RULE = error|warning|off}, the default otherwise),
 * the default schema (for names in hand-written SQL) and whether migrations run with a lock timeout
 * ({@code lock.ddl-timeout} other than 0; a migration's {@code @Timeouts(ddl = ...)} wins over it).
 */
public record LintConfig(Map<Rule, Severity> severities, String defaultSchema, boolean lockTimeout) {
    public static final LintConfig DEFAULT = new LintConfig(Map.of(), "public", true);

    public LintConfig {
        severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
    }

    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }
}
