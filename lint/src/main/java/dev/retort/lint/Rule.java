package dev.retort.lint;

import java.util.Optional;

/** A lint rule: a stable id, its default severity, what it finds and how to fix it (the README's rules table). */
public enum Rule {
    NON_CONCURRENT_INDEX(
            "non-concurrent-index",
            Severity.ERROR,
            "an index created or dropped without CONCURRENTLY on a table that exists before the migration: writes"
                    + " to the table wait for the whole build",
            "op.autocommit(a -> a.createIndex(\"t\", index(...), Option.CONCURRENTLY)) in a migration of its own"),
    CONCURRENT_IN_TRANSACTION(
            "concurrent-in-transaction",
            Severity.ERROR,
            "CREATE/DROP INDEX CONCURRENTLY or REINDEX CONCURRENTLY in op.execute outside op.autocommit: PostgreSQL"
                    + " refuses it inside the migration's transaction",
            "put the statement in op.autocommit(a -> a.execute(...)), or use op.createIndex(..., Option.CONCURRENTLY)"),
    CONSTRAINT_WITHOUT_NOT_VALID(
            "constraint-without-not-valid",
            Severity.ERROR,
            "a foreign key or check added to an existing table without NOT VALID: every row is checked under a lock"
                    + " that blocks writes (a foreign key locks the referenced table too)",
            "add it NOT VALID (foreignKey(...).notValid(), check(...).notValid()), then op.validateConstraint(...),"
                    + " which lets writes through"),
    SET_NOT_NULL_SCAN(
            "set-not-null-scan",
            Severity.ERROR,
            "SET NOT NULL on an existing table without a validated CHECK (c IS NOT NULL): the table is scanned under"
                    + " an ACCESS EXCLUSIVE lock",
            "add check(\"c IS NOT NULL\").notValid(), op.validateConstraint it, then SET NOT NULL (PostgreSQL 12+"
                    + " uses the check and skips the scan), then drop the check"),
    NOT_NULL_WITHOUT_DEFAULT(
            "not-null-without-default",
            Severity.ERROR,
            "a NOT NULL column without a default added to an existing table: fails as soon as the table has a row",
            "give it a default (.defaultValue(...)), or add it nullable, backfill, then make it NOT NULL"),
    VOLATILE_DEFAULT(
            "volatile-default",
            Severity.WARNING,
            "a column added to an existing table with a volatile default (clock_timestamp(), random(),"
                    + " gen_random_uuid(), nextval(...), an identity or a stored generated column): PostgreSQL"
                    + " rewrites the table under an ACCESS EXCLUSIVE lock (now() and constants are stable: no rewrite)",
            "add the column without the default (or with a constant one), backfill in batches, then set the default"),
    REWRITING_TYPE_CHANGE(
            "rewriting-type-change",
            Severity.ERROR,
            "a column type change on an existing table that rewrites it under an ACCESS EXCLUSIVE lock (safe in"
                    + " place: a wider or unbounded varchar, varchar to text, numeric with a higher precision and the"
                    + " same scale, a higher timestamp or time precision)",
            "add a new column of the new type, backfill it, switch the application, drop the old one"),
    UNIQUE_UNDER_LOCK(
            "unique-under-lock",
            Severity.ERROR,
            "a unique constraint or primary key added to an existing table: its index is built while writes wait",
            "CREATE UNIQUE INDEX CONCURRENTLY in op.autocommit, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (or"
                    + " PRIMARY KEY) USING INDEX"),
    UNACKNOWLEDGED_DATA_LOSS(
            "unacknowledged-data-loss",
            Severity.ERROR,
            "a drop of a table, column, sequence, enum or composite type, or a change that may lose values, without"
                    + " an acknowledgement",
            "op.acknowledgeDataLoss(\"why the data may go\").dropColumn(...), once you are sure"),
    UNREVIEWED_ACKNOWLEDGEMENT(
            "unreviewed-acknowledgement",
            Severity.WARNING,
            "a data loss acknowledged with the reason autogenerate writes (Ops.UNREVIEWED): nobody has said why yet",
            "replace Ops.UNREVIEWED with the reason the data may go"),
    RENAME(
            "rename",
            Severity.ERROR,
            "a column or table renamed: the version of the application still running uses the old name until it is"
                    + " replaced, and fails",
            "rename only the entity and keep the old name in its mapping (@Column(name = ...), @Table(name = ...)),"
                    + " or add the new column (or a view), write both, switch the application, then drop the old one"),
    BACKFILL_WITH_DDL(
            "backfill-with-ddl",
            Severity.WARNING,
            "an UPDATE of a table that the same migration also alters: the UPDATE's row locks and the DDL's table lock"
                    + " are held together until the migration commits",
            "move the backfill to a migration of its own, and update in batches"),
    TRANSACTION_CONTROL(
            "transaction-control",
            Severity.ERROR,
            "BEGIN, COMMIT, ROLLBACK, SAVEPOINT or RELEASE in op.execute: it ends or splits the transaction the runner"
                    + " manages, and the version table no longer moves with the migration",
            "leave transactions to the runner; use op.autocommit for what must run outside one"),
    IDENTIFIER_TOO_LONG(
            "identifier-too-long",
            Severity.ERROR,
            "a name longer than 63 bytes: PostgreSQL cuts it silently, so the object gets another name than the"
                    + " migration says",
            "choose a name of at most 63 bytes"),
    MISSING_LOCK_TIMEOUT(
            "missing-lock-timeout",
            Severity.WARNING,
            "a migration that locks an existing table without a lock timeout (lock.ddl-timeout = 0, or @Timeouts(ddl ="
                    + " 0) on it) and sets no lock_timeout itself first: a statement that waits for its lock makes"
                    + " every query on the table wait behind it",
            "keep lock.ddl-timeout (default 5 s), give the migration @Timeouts(ddl = N), or"
                    + " op.execute(\"SET LOCAL lock_timeout = '5s'\") first"),
    SEVERAL_HEADS(
            "several-heads",
            Severity.ERROR,
            "the history has several heads: upgrade head refuses it",
            "retort merge -m MESSAGE heads"),
    UNPARSED_SQL(
            "unparsed-sql",
            Severity.WARNING,
            "an op.execute statement that lint cannot read (outside its subset of PostgreSQL), so no rule checked it",
            "review it by hand; lintIgnore(\"unparsed-sql\", reason) once you have");

    private final String id;
    private final Severity severity;
    private final String what;
    private final String fix;

    Rule(String id, Severity severity, String what, String fix) {
        this.id = id;
        this.severity = severity;
        this.what = what;
        this.fix = fix;
    }

    /** The stable id, as {@code lint.ID} in {@code retort.properties}, in the output and in waivers. */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    public String what() {
        return what;
    }

    public String fix() {
        return fix;
    }

    public static Optional<Rule> byId(String id) {
        for (Rule rule : values()) if (rule.id.equals(id)) return Optional.of(rule);
        return Optional.empty();
    }
}
