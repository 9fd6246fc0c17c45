package dev.retort.lint;

import dev.retort.lint.internal.Hit;
import dev.retort.lint.internal.MigrationWalk;
import dev.retort.lint.internal.SchemaState;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.Lint;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Timeouts;
import dev.retort.runtime.Waiver;
import dev.retort.runtime.internal.MigrationSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code retort lint}: reads migrations without a database. Each revision's {@code upgrade()} (and {@code downgrade()})
 * is recorded into {@link Ops}, the history before it replayed to know which tables already exist, and the rules
 * applied to its operations and its {@code op.execute} SQL, as they mean on the database of {@link LintConfig#dialect}
 * ({@link Rule#meaning}): on MariaDB its SQL is read as MariaDB's and a rule not checked there reports nothing.
 */
public final class Linter {
    private final MigrationSet migrations;
    private final LintConfig config;
    private final Map<String, Ops> upgrades = new HashMap<>();

    private Linter(MigrationSet migrations, LintConfig config) {
        this.migrations = migrations;
        this.config = config;
    }

    /**
     * Lints the named revisions (ids, prefixes or labels; all of them when none is named), in history order.
     *
     * @throws MigrationException when a migration cannot be recorded (its method throws)
     * @throws LintException when a migration's waiver or suppression is malformed
     */
    public static LintResult lint(MigrationSet migrations, List<String> revisions, LintConfig config) {
        return new Linter(migrations, config).lint(revisions);
    }

    private LintResult lint(List<String> named) {
        RevisionGraph graph = migrations.graph();
        Set<String> wanted = new LinkedHashSet<>();
        for (String revision : named) wanted.add(graph.resolve(revision));
        List<String> order = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (RevisionNode node : graph.inOrder()) {
            if (!wanted.isEmpty() && !wanted.contains(node.id())) continue;
            order.add(node.id());
            findings.addAll(revision(node));
        }
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            for (String head : heads) {
                if (!wanted.isEmpty() && !wanted.contains(head)) continue;
                findings.add(finding(
                        Rule.SEVERAL_HEADS,
                        head,
                        0,
                        "the history has several heads (" + String.join(", ", heads)
                                + "): join them with 'retort merge -m MESSAGE heads'"));
            }
        }
        return new LintResult(
                order,
                findings.stream()
                        .filter(f ->
                                f.severity() != Severity.OFF && f.rule().appliesTo(config.dialect(), config.mySql()))
                        .toList(),
                config.dialect(),
                config.mySql());
    }

    private List<Finding> revision(RevisionNode node) {
        String id = node.id();
        List<Lint.Suppress> suppressions = suppressions(id);
        SchemaState state = new SchemaState();
        for (RevisionNode before : migrations.graph().inOrder()) {
            if (before.id().equals(id)) break;
            if (ancestors(id).contains(before.id()))
                MigrationWalk.replay(upgrade(before.id()), state, schema(), config.dialect(), config.mySql());
        }
        List<Finding> findings = new ArrayList<>();
        Ops up = upgrade(id);
        for (Hit hit : MigrationWalk.walk(up, state, schema(), lockTimeout(id), config.dialect(), config.mySql()))
            findings.add(finding(hit, id, up, suppressions));
        if (!migrations.isForwardOnly(id)) {
            Ops down = downgrade(id);
            if (down != null) {
                for (Hit hit : MigrationWalk.walk(down, state, schema(), true, config.dialect(), config.mySql()))
                    if (MigrationWalk.DOWNGRADE_RULES.contains(hit.rule()))
                        findings.add(finding(hit, id, down, suppressions));
            }
        }
        return findings;
    }

    /** Whether the revision runs with a lock timeout: its {@code @Timeouts(ddl = ...)}, else the configured one. */
    private boolean lockTimeout(String id) {
        Timeouts timeouts = migrations.type(id).getAnnotation(Timeouts.class);
        if (timeouts == null || timeouts.ddl() == Timeouts.CONFIGURED) return config.lockTimeout();
        return timeouts.ddl() > 0;
    }

    private final Map<String, Set<String>> ancestors = new HashMap<>();

    private Set<String> ancestors(String id) {
        return ancestors.computeIfAbsent(id, i -> migrations.graph().ancestorsOf(List.of(i)));
    }

    private String schema() {
        return config.defaultSchema();
    }

    private Ops upgrade(String id) {
        return upgrades.computeIfAbsent(id, i -> migrations.record(i, Direction.UPGRADE));
    }

    /** The downgrade as recorded, or null when it throws (a revision that cannot be downgraded has nothing to read). */
    private Ops downgrade(String id) {
        try {
            return migrations.record(id, Direction.DOWNGRADE);
        } catch (MigrationException e) {
            return null;
        }
    }

    private List<Lint.Suppress> suppressions(String id) {
        Lint.Suppress[] declared = migrations.type(id).getAnnotationsByType(Lint.Suppress.class);
        for (Lint.Suppress suppress : declared) {
            if (Rule.byId(suppress.rule()).isEmpty())
                throw new LintException(migrations.source(id) + ": @Lint.Suppress names no lint rule \""
                        + suppress.rule() + "\" (" + ruleIds() + ")");
            if (suppress.reason().isBlank())
                throw new LintException(
                        migrations.source(id) + ": @Lint.Suppress(rule = \"" + suppress.rule() + "\") needs a reason");
        }
        return List.of(declared);
    }

    private Finding finding(Hit hit, String id, Ops recorded, List<Lint.Suppress> suppressions) {
        int line = recorded.origin(hit.step())
                .map(StackTraceElement::getLineNumber)
                .orElse(0);
        for (Waiver waiver : hit.waivers()) {
            if (Rule.byId(waiver.rule()).isEmpty())
                throw new LintException(migrations.source(id) + (line > 0 ? ":" + line : "")
                        + ": op.lintIgnore names no lint rule \"" + waiver.rule() + "\" (" + ruleIds() + ")");
        }
        String suppressed = hit.waivers().stream()
                .filter(w -> w.rule().equals(hit.rule().id()))
                .map(Waiver::reason)
                .findFirst()
                .orElse(null);
        if (suppressed == null)
            suppressed = suppressions.stream()
                    .filter(s -> s.rule().equals(hit.rule().id()))
                    .map(Lint.Suppress::reason)
                    .findFirst()
                    .orElse(null);
        Finding finding = finding(hit.rule(), id, line, hit.message());
        return suppressed == null
                ? finding
                : new Finding(
                        finding.rule(), finding.severity(), id, finding.file(), line, finding.message(), suppressed);
    }

    private Finding finding(Rule rule, String id, int line, String message) {
        return new Finding(rule, config.severity(rule), id, migrations.source(id), line, message, null);
    }

    private static String ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Rule rule : Rule.values()) ids.add(rule.id());
        return "the rules: " + String.join(", ", ids);
    }
}
