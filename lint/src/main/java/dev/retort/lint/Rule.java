package dev.retort.lint;

import dev.retort.Dialect;
import java.util.Optional;

/**
 * A lint rule: a stable id, its default severity, and on each database what it finds and how to fix it, or why it
 * is not checked there (the README's rules table).
 */
public enum Rule {
    NON_CONCURRENT_INDEX(
            "non-concurrent-index",
            Severity.ERROR,
            "an index created or dropped without CONCURRENTLY on a table that exists before the migration: writes"
                    + " to the table wait for the whole build",
            "op.autocommit(a -> a.createIndex(\"t\", index(...), Option.CONCURRENTLY)) in a migration of its own",
            mariaDb(
                    "an index created or dropped on a table that exists before the migration by a statement that does"
                            + " not assert LOCK=NONE (op.createIndex or op.dropIndex without Option.CONCURRENTLY, CREATE"
                            + " INDEX without LOCK=NONE, DROP INDEX ... ON): MariaDB builds a btree index on InnoDB in"
                            + " place while writes go on, but picks a locking algorithm without saying so when it cannot"
                            + " (a FULLTEXT or SPATIAL index takes LOCK=SHARED, a table of another engine is copied)",
                    "op.createIndex(\"t\", index(...), Option.CONCURRENTLY) (ALGORITHM=INPLACE LOCK=NONE: the server"
                            + " refuses rather than block writes), op.dropIndex(..., Option.CONCURRENTLY), or LOCK=NONE"
                            + " in the SQL; a FULLTEXT or SPATIAL index has no online form: op.lintIgnore with the reason")),
    CONCURRENT_IN_TRANSACTION(
            "concurrent-in-transaction",
            Severity.ERROR,
            "CREATE/DROP INDEX CONCURRENTLY or REINDEX CONCURRENTLY in op.execute outside op.autocommit: PostgreSQL"
                    + " refuses it inside the migration's transaction",
            "put the statement in op.autocommit(a -> a.execute(...)), or use op.createIndex(..., Option.CONCURRENTLY)",
            notOnMariaDb("MariaDB has no CONCURRENTLY (CREATE INDEX CONCURRENTLY ON t names an index \"CONCURRENTLY\")"
                    + " and commits every DDL statement itself")),
    CONSTRAINT_WITHOUT_NOT_VALID(
            "constraint-without-not-valid",
            Severity.ERROR,
            "a foreign key or check added to an existing table without NOT VALID: every row is checked under a lock"
                    + " that blocks writes (a foreign key locks the referenced table too)",
            "add it NOT VALID (foreignKey(...).notValid(), check(...).notValid()), then op.validateConstraint(...),"
                    + " which lets writes through",
            mariaDb(
                    "a foreign key added to an existing table without NOT VALID: MariaDB checks the rows by copying the"
                            + " table (ALGORITHM=COPY, LOCK=SHARED) while writes wait; a check is check-copies-table",
                    "foreignKey(...).notValid() (SET STATEMENT foreign_key_checks=0 FOR ... ALGORITHM=INPLACE,"
                            + " LOCK=NONE), then op.validateConstraint(...), which reads the rows without a lock")),
    SET_NOT_NULL_SCAN(
            "set-not-null-scan",
            Severity.ERROR,
            "SET NOT NULL on an existing table without a validated CHECK (c IS NOT NULL): the table is scanned under"
                    + " an ACCESS EXCLUSIVE lock",
            "add check(\"c IS NOT NULL\").notValid(), op.validateConstraint it, then SET NOT NULL (PostgreSQL 12+"
                    + " uses the check and skips the scan), then drop the check",
            mariaDb(
                    "a column made NOT NULL on an existing table other than by the online form in the same migration:"
                            + " its MODIFY rebuilds the table and does not assert LOCK=NONE",
                    "in one migration: check(\"c IS NOT NULL\").notValid(), op.validateConstraint, op.alterColumn, the"
                            + " check dropped (a null count, then MODIFY ... NOT NULL, ALGORITHM=INPLACE, LOCK=NONE)")),
    NOT_NULL_WITHOUT_DEFAULT(
            "not-null-without-default",
            Severity.ERROR,
            "a NOT NULL column without a default added to an existing table: fails as soon as the table has a row",
            "give it a default (.defaultValue(...)), or add it nullable, backfill, then make it NOT NULL",
            mariaDb(
                    "a NOT NULL column without a default added to an existing table: MariaDB does not fail, it gives"
                            + " every row there the type's implicit value (0, '', 0000-00-00 00:00:00)",
                    "give it a default (.defaultValue(...)), or add it nullable, backfill, then make it NOT NULL")),
    VOLATILE_DEFAULT(
            "volatile-default",
            Severity.WARNING,
            "a column added to an existing table with a volatile default (clock_timestamp(), random(),"
                    + " gen_random_uuid(), nextval(...), an identity or a stored generated column): PostgreSQL"
                    + " rewrites the table under an ACCESS EXCLUSIVE lock (now() and constants are stable: no rewrite)",
            "add the column without the default (or with a constant one), backfill in batches, then set the default",
            mariaDb(
                    "a column added to an existing table that MariaDB fills row by row: a default calling uuid(),"
                            + " uuid_short(), sys_guid(), sysdate() or nextval(...), or a stored generated column, copies"
                            + " the table (ALGORITHM=COPY, LOCK=SHARED); an AUTO_INCREMENT (identity) column is added in"
                            + " place with LOCK=SHARED; writes wait either way (constants, current_timestamp() and rand()"
                            + " are added instantly)",
                    "add the column without the default (or with a constant one), backfill in batches, then set the"
                            + " default")),
    REWRITING_TYPE_CHANGE(
            "rewriting-type-change",
            Severity.ERROR,
            "a column type change on an existing table that rewrites it under an ACCESS EXCLUSIVE lock (safe in"
                    + " place: a wider or unbounded varchar, varchar to text, numeric with a higher precision and the"
                    + " same scale, a higher timestamp or time precision)",
            "add a new column of the new type, backfill it, switch the application, drop the old one",
            mariaDb(
                    "a column type change on an existing table: MariaDB copies the table (ALGORITHM=COPY, LOCK=SHARED)"
                            + " while writes wait, but for a wider varchar that keeps its length bytes (instant)",
                    "add a new column of the new type, backfill it, switch the application, drop the old one")),
    UNIQUE_UNDER_LOCK(
            "unique-under-lock",
            Severity.ERROR,
            "a unique constraint or primary key added to an existing table: its index is built while writes wait",
            "CREATE UNIQUE INDEX CONCURRENTLY in op.autocommit, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE (or"
                    + " PRIMARY KEY) USING INDEX",
            mariaDb(
                    "a unique constraint or primary key added to an existing table by a statement that does not"
                            + " assert LOCK=NONE: MariaDB may pick a locking algorithm without saying so",
                    "CREATE UNIQUE INDEX in the online form (Option.CONCURRENTLY), then addUnique or addPrimaryKey with"
                            + " Option.USING_INDEX (ALGORITHM=INPLACE, LOCK=NONE)")),
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
            "move the backfill to a migration of its own, and update in batches",
            notOnMariaDb("MariaDB commits the UPDATE before a DDL statement (implicitly) and the runner commits each"
                    + " statement with its count, so no lock is held across them")),
    TRANSACTION_CONTROL(
            "transaction-control",
            Severity.ERROR,
            "BEGIN, COMMIT, ROLLBACK, SAVEPOINT or RELEASE in op.execute: it ends or splits the transaction the runner"
                    + " manages, and the version table no longer moves with the migration",
            "leave transactions to the runner; use op.autocommit for what must run outside one",
            mariaDb(
                    "BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE or XA in op.execute: it ends or"
                            + " opens the transaction in which the runner commits each statement with its count (BEGIN"
                            + " NOT ATOMIC is a compound statement, not this)",
                    "leave transactions to the runner")),
    IDENTIFIER_TOO_LONG(
            "identifier-too-long",
            Severity.ERROR,
            "a name longer than 63 bytes: PostgreSQL cuts it silently, so the object gets another name than the"
                    + " migration says",
            "choose a name of at most 63 bytes",
            mariaDb(
                    "a name longer than 64 characters: MariaDB refuses it (error 1059, 1103 for a table) and the"
                            + " migration fails there",
                    "choose a name of at most 64 characters")),
    MISSING_LOCK_TIMEOUT(
            "missing-lock-timeout",
            Severity.WARNING,
            "a migration that locks an existing table without a lock timeout (lock.ddl-timeout = 0, or @Timeouts(ddl ="
                    + " 0) on it) and sets no lock_timeout itself first: a statement that waits for its lock makes"
                    + " every query on the table wait behind it",
            "keep lock.ddl-timeout (default 5 s), give the migration @Timeouts(ddl = N), or"
                    + " op.execute(\"SET LOCAL lock_timeout = '5s'\") first",
            mariaDb(
                    "a migration that locks an existing table without a lock timeout (lock.ddl-timeout = 0, a year"
                            + " on MariaDB, or @Timeouts(ddl = 0) on it) and sets no lock_wait_timeout itself first: a"
                            + " statement that waits for its metadata lock makes every query on the table wait behind"
                            + " it",
                    "keep lock.ddl-timeout (default 5 s), give the migration @Timeouts(ddl = N), or"
                            + " op.execute(\"SET SESSION lock_wait_timeout = 5\") first, or SET STATEMENT"
                            + " lock_wait_timeout=5 FOR the statement")),
    SEVERAL_HEADS(
            "several-heads",
            Severity.ERROR,
            "the history has several heads: upgrade head refuses it",
            "retort merge -m MESSAGE heads"),
    UNPARSED_SQL(
            "unparsed-sql",
            Severity.WARNING,
            "an op.execute statement that lint cannot read (outside its subset of PostgreSQL), so no rule checked it",
            "review it by hand; lintIgnore(\"unparsed-sql\", reason) once you have",
            mariaDb(
                    "an op.execute statement that lint cannot read (outside its subset of MariaDB's SQL), so no rule"
                            + " checked it",
                    "review it by hand; lintIgnore(\"unparsed-sql\", reason) once you have")),
    CHECK_COPIES_TABLE(
            "check-copies-table",
            Severity.ERROR,
            new Meaning(
                    false,
                    "not checked on PostgreSQL: a check added NOT VALID takes no long lock there"
                            + " (constraint-without-not-valid)",
                    "nothing to do on PostgreSQL"),
            mariaDb(
                    "a check added to an existing table, NOT VALID or not (but the online SET NOT NULL's own check,"
                            + " which runs nothing): MariaDB 10.11 adds a check only by copying the table (ALGORITHM=COPY,"
                            + " LOCK=SHARED), every row checked while writes wait; it has no online form",
                    "add it when a copy of the table is acceptable (a small table, a quiet window) and say so:"
                            + " op.lintIgnore(\"check-copies-table\", \"why the copy is acceptable\")")),
    TYPE_CHANGE_UNDER_KEY(
            "type-change-under-key",
            Severity.ERROR,
            new Meaning(
                    false,
                    "not checked on PostgreSQL: it changes the type of a column a foreign key uses with the key in"
                            + " place",
                    "nothing to do on PostgreSQL"),
            mariaDb(
                    "a type or collation change (op.alterColumn, or MODIFY in SQL) of a column a foreign key uses at"
                            + " that point, at"
                            + " either end, as the migrations made the key: MariaDB refuses it even with"
                            + " foreign_key_checks = 0 (errors 1832, 1833), after the migration's earlier statements"
                            + " committed",
                    "drop the key before the change and add it again after (op.dropForeignKey, op.addForeignKey), as"
                            + " revision --autogenerate writes it"));

    private final String id;
    private final Severity severity;
    private final Meaning postgres;
    private final Meaning mariaDb;

    /** A rule that means the same on both databases. */
    Rule(String id, Severity severity, String what, String fix) {
        this(id, severity, what, fix, new Meaning(true, what, fix));
    }

    Rule(String id, Severity severity, String what, String fix, Meaning mariaDb) {
        this(id, severity, new Meaning(true, what, fix), mariaDb);
    }

    Rule(String id, Severity severity, Meaning postgres, Meaning mariaDb) {
        this.id = id;
        this.severity = severity;
        this.postgres = postgres;
        this.mariaDb = mariaDb;
    }

    /**
     * What a rule means on one database: whether lint checks it there, what it finds and how to fix it (or, for a rule
     * not checked there, why not).
     */
    public record Meaning(boolean applies, String what, String fix) {}

    private static Meaning mariaDb(String what, String fix) {
        return new Meaning(true, what, fix);
    }

    private static Meaning notOnMariaDb(String why) {
        return notOn("MariaDB", why);
    }

    private static Meaning notOn(String database, String why) {
        return new Meaning(false, "not checked on " + database + ": " + why, "nothing to do on " + database);
    }

    /** The stable id, as {@code lint.ID} in {@code retort.properties}, in the output and in waivers. */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** What it finds on PostgreSQL (for a rule only MariaDB has, why PostgreSQL does not need it). */
    public String what() {
        return postgres.what();
    }

    /** How to fix it on PostgreSQL. */
    public String fix() {
        return postgres.fix();
    }

    public Meaning meaning(Dialect dialect) {
        return dialect == Dialect.MARIADB ? mariaDb : postgres;
    }

    /**
     * What it means on the database, MySQL's meaning for a MariaDB-dialect project on MySQL ({@code mySql}): MariaDB's
     * but where MySQL 9.7 answers otherwise ({@code MySqlLintFactsTest} runs each claim there).
     */
    public Meaning meaning(Dialect dialect, boolean mySql) {
        return dialect == Dialect.MARIADB && mySql ? onMySql() : meaning(dialect);
    }

    private Meaning onMySql() {
        return switch (this) {
            case NON_CONCURRENT_INDEX ->
                mariaDb(
                        "an index created or dropped on a table that exists before the migration by a statement that does"
                                + " not assert LOCK=NONE (op.createIndex or op.dropIndex without Option.CONCURRENTLY, CREATE"
                                + " INDEX or DROP INDEX ... ON without LOCK=NONE): MySQL builds a btree index on InnoDB in"
                                + " place while writes go on, but picks a locking algorithm without saying so when it cannot"
                                + " (a FULLTEXT or SPATIAL index takes LOCK=SHARED, a table of another engine is copied)",
                        "op.createIndex(\"t\", index(...), Option.CONCURRENTLY) (ALGORITHM=INPLACE LOCK=NONE: the server"
                                + " refuses rather than block writes), op.dropIndex(..., Option.CONCURRENTLY), or"
                                + " ALGORITHM=INPLACE LOCK=NONE in the SQL (MySQL's DROP INDEX ... ON takes them too); a"
                                + " FULLTEXT or SPATIAL index has no online form: op.lintIgnore with the reason");
            case CONCURRENT_IN_TRANSACTION ->
                notOn(
                        "MySQL",
                        "MySQL has no CONCURRENTLY (CREATE INDEX CONCURRENTLY ON t names an index \"CONCURRENTLY\") and"
                                + " commits every DDL statement itself");
            case CONSTRAINT_WITHOUT_NOT_VALID ->
                mariaDb(
                        "a foreign key added to an existing table while foreign_key_checks is on: MySQL checks the rows by"
                                + " copying the table (ALGORITHM=COPY, LOCK=SHARED) while writes wait; a check is"
                                + " check-copies-table",
                        "foreignKey(...).notValid() (added with the session's foreign_key_checks off, ALGORITHM=INPLACE,"
                                + " LOCK=NONE), then op.validateConstraint(...), which reads the rows without a lock in a"
                                + " procedure made, called and dropped (CREATE ROUTINE needed)");
            case SET_NOT_NULL_SCAN ->
                mariaDb(
                        "a column made NOT NULL on an existing table other than by the online form in the same migration:"
                                + " its MODIFY rebuilds the table and does not assert LOCK=NONE, so MySQL may pick a"
                                + " locking algorithm without saying so",
                        "in one migration: check(\"c IS NOT NULL\").notValid(), op.validateConstraint, op.alterColumn, the"
                                + " check dropped (a null count in a procedure, then MODIFY ... NOT NULL,"
                                + " ALGORITHM=INPLACE, LOCK=NONE)");
            case NOT_NULL_WITHOUT_DEFAULT ->
                mariaDb(
                        "a NOT NULL column without a default added to an existing table: on MySQL a date or datetime"
                                + " column fails as soon as the table has a row (error 1292), a timestamp column gives every"
                                + " row the zero date (which a later copy of the table fails on), any other column the"
                                + " type's implicit value (0, '')",
                        "give it a default (.defaultValue(...)), or add it nullable, backfill, then make it NOT NULL");
            case VOLATILE_DEFAULT ->
                mariaDb(
                        "a column added to an existing table with a default MySQL does not add instantly: one calling"
                                + " uuid(), uuid_short(), rand() or sysdate() is refused while the binary log is on (error"
                                + " 1674: the migration fails there); any other expression (anything but a literal or"
                                + " CURRENT_TIMESTAMP, which MySQL takes only in parentheses) or a stored generated column"
                                + " copies the table (ALGORITHM=COPY, LOCK=SHARED); an AUTO_INCREMENT (identity) column is"
                                + " added in place with LOCK=SHARED; writes wait either way",
                        "add the column without the default (or with a literal one), backfill in batches, then set the"
                                + " default");
            case REWRITING_TYPE_CHANGE ->
                mariaDb(
                        "a column type change on an existing table: MySQL copies the table (ALGORITHM=COPY, LOCK=SHARED)"
                                + " while writes wait, but for a wider varchar whose longest value stays on the same side of"
                                + " 255 bytes (in place)",
                        "add a new column of the new type, backfill it, switch the application, drop the old one");
            case UNIQUE_UNDER_LOCK ->
                mariaDb(
                        "a unique constraint or primary key added to an existing table by a statement that does not"
                                + " assert LOCK=NONE: MySQL may pick a locking algorithm without saying so",
                        "a unique index built with Option.CONCURRENTLY, then addUnique with Option.USING_INDEX; a primary"
                                + " key with ALGORITHM=INPLACE, LOCK=NONE in the SQL (MariaDB's online primary key is"
                                + " refused on MySQL, which cannot undo it without copying the table)");
            case BACKFILL_WITH_DDL ->
                notOn(
                        "MySQL",
                        "MySQL commits the UPDATE before a DDL statement (implicitly) and the runner commits each statement"
                                + " with its count, so no lock is held across them");
            case TRANSACTION_CONTROL ->
                mariaDb(
                        "BEGIN, START TRANSACTION, COMMIT, ROLLBACK, SAVEPOINT, RELEASE or XA in op.execute: it ends or"
                                + " opens the transaction in which the runner commits each statement with its count",
                        "leave transactions to the runner");
            case IDENTIFIER_TOO_LONG ->
                mariaDb(
                        "a name longer than 64 characters: MySQL refuses it (error 1059) and the migration fails there",
                        "choose a name of at most 64 characters");
            case MISSING_LOCK_TIMEOUT ->
                mariaDb(
                        "a migration that locks an existing table without a lock timeout (lock.ddl-timeout = 0, a year"
                                + " on MySQL, or @Timeouts(ddl = 0) on it) and sets no lock_wait_timeout itself first: a"
                                + " statement that waits for its metadata lock makes every query on the table wait behind"
                                + " it",
                        "keep lock.ddl-timeout (default 5 s), give the migration @Timeouts(ddl = N), or"
                                + " op.execute(\"SET SESSION lock_wait_timeout = 5\") first (MySQL has no SET STATEMENT)");
            case UNPARSED_SQL ->
                mariaDb(
                        "an op.execute statement that lint cannot read (outside its subset of MySQL's SQL), so no rule"
                                + " checked it",
                        "review it by hand; lintIgnore(\"unparsed-sql\", reason) once you have");
            case CHECK_COPIES_TABLE ->
                mariaDb(
                        "a check added to an existing table, NOT VALID or not (but the online SET NOT NULL's own check,"
                                + " which runs nothing): MySQL adds a check it enforces only by copying the table"
                                + " (ALGORITHM=COPY, LOCK=SHARED), every row checked while writes wait",
                        "add it when a copy of the table is acceptable (a small table, a quiet window) and say so:"
                                + " op.lintIgnore(\"check-copies-table\", \"why the copy is acceptable\")");
            case TYPE_CHANGE_UNDER_KEY ->
                mariaDb(
                        "a type or collation change of a column a foreign key uses at that point, at either end, as the"
                                + " migrations made the key (but a varchar widened in place), or a column a key uses made"
                                + " NOT NULL in an ALTER TABLE that copies the table: MySQL refuses it (error 3780, or"
                                + " 1832 for a varchar it copies and for the NOT NULL), a type change even with"
                                + " foreign_key_checks = 0, after the migration's earlier statements committed",
                        "drop the key before the change and add it again after (op.dropForeignKey, op.addForeignKey), as"
                                + " revision --autogenerate writes it");
            default -> mariaDb;
        };
    }

    public boolean appliesTo(Dialect dialect) {
        return meaning(dialect).applies();
    }

    /** Whether lint checks it on the database (on MySQL, {@code mySql}, the rules MariaDB's checks). */
    public boolean appliesTo(Dialect dialect, boolean mySql) {
        return meaning(dialect, mySql).applies();
    }

    public static Optional<Rule> byId(String id) {
        for (Rule rule : values()) if (rule.id.equals(id)) return Optional.of(rule);
        return Optional.empty();
    }
}
