package dev.retort.runtime.internal;

import dev.retort.SqlDialect;
import dev.retort.op.Op;
import dev.retort.postgres.PostgresSql;
import dev.retort.runtime.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The SQL one direction of a migration renders to: its steps as statements, each marked when it must
 * run outside a transaction.
 */
public record RenderedSql(List<RenderedSql.Statement> statements, List<Step> origins, List<Op> operations) {
    /** One statement, and whether it runs in autocommit. */
    public record Statement(String sql, boolean autocommit) {}

    /**
     * @param origins for each statement, the step it was rendered from (what undoes it); empty when unknown
     * @param operations every operation of the steps, those that render no statement too: what the renderer was made
     *     {@link SqlDialect#within}, so that a statement rendered again (on MariaDB, just before it runs) is rendered
     *     in the same context
     */
    public RenderedSql {
        statements = List.copyOf(statements);
        origins = List.copyOf(origins);
        operations = List.copyOf(operations);
        if (!origins.isEmpty() && origins.size() != statements.size())
            throw new IllegalArgumentException("one origin per statement");
    }

    public RenderedSql(List<Statement> statements) {
        this(statements, List.of(), List.of());
    }

    /** Renders recorded steps: operations through {@link PostgresSql}, SQL as written. */
    public static RenderedSql of(List<Step> steps) {
        return of(steps, PostgresSql.DIALECT);
    }

    /**
     * Renders recorded steps: operations through a database's renderer made {@link SqlDialect#within} all of them,
     * SQL as written.
     */
    public static RenderedSql of(List<Step> steps, SqlDialect dialect) {
        List<Statement> statements = new ArrayList<>();
        List<Step> origins = new ArrayList<>();
        List<Op> operations = operations(steps);
        render(steps, false, dialect.within(operations), statements, origins);
        return new RenderedSql(statements, origins, operations);
    }

    private static List<Op> operations(List<Step> steps) {
        List<Op> ops = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Change c) ops.add(c.op());
            else if (step instanceof Step.ColumnChanges c) ops.addAll(c.changes());
            else if (step instanceof Step.Autocommit a) ops.addAll(operations(a.steps()));
        }
        return ops;
    }

    private static void render(
            List<Step> steps, boolean autocommit, SqlDialect dialect, List<Statement> into, List<Step> origins) {
        for (Step step : steps) {
            int before = into.size();
            if (step instanceof Step.Change c) {
                boolean outside = autocommit || dialect.outsideTransaction(c.op());
                for (String sql : dialect.statements(c.op())) into.add(new Statement(sql, outside));
            } else if (step instanceof Step.ColumnChanges c) {
                for (String sql : dialect.alterTable(c.changes())) into.add(new Statement(sql, autocommit));
            } else if (step instanceof Step.Sql s) {
                into.add(new Statement(s.sql(), autocommit));
            } else if (step instanceof Step.Autocommit a) {
                render(a.steps(), true, dialect, into, origins);
                continue;
            }
            for (int i = before; i < into.size(); i++) origins.add(step);
        }
    }

    /**
     * The operations before the first hand-written SQL statement ({@code op.execute}), whose effect on the schema no
     * check made before the run can read; all of them when the statements' origins are unknown.
     */
    public List<Op> operationsBeforeSql() {
        if (origins.isEmpty()) return operations;
        List<Step> steps = new ArrayList<>();
        for (Step step : origins) {
            if (step instanceof Step.Sql) break;
            // a step's statements are together: each step once
            if (steps.isEmpty() || steps.get(steps.size() - 1) != step) steps.add(step);
        }
        return operations(steps);
    }

    public boolean usesAutocommit() {
        return statements.stream().anyMatch(Statement::autocommit);
    }

    /**
     * SHA-256 of a migration's upgrade and downgrade SQL: what a migration does, the same whether it was
     * loaded from source or from the classpath. A forward-only migration's missing downgrade
     * ({@code null}) counts as a mark of its own, unlike an empty one.
     */
    public static String checksum(RenderedSql upgrade, RenderedSql downgrade) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RenderedSql sql : Arrays.asList(upgrade, downgrade)) {
                if (sql == null) {
                    digest.update("no downgrade".getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 2);
                    continue;
                }
                for (Statement statement : sql.statements) {
                    digest.update((statement.autocommit() ? "A:" : "T:").getBytes(StandardCharsets.UTF_8));
                    digest.update(statement.sql().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
