package dev.retort.lint.internal;

import dev.retort.schema.QualifiedName;
import java.util.List;

/** What lint reads of one hand-written statement: the forms its rules look at, or why it could not read it. */
sealed interface SqlStatement {
    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON table}; on MariaDB {@code concurrently} is an asserted {@code
     * LOCK=NONE} (MariaDB has no {@code CONCURRENTLY}), and {@code method} {@code fulltext} or {@code spatial} for
     * {@code CREATE FULLTEXT|SPATIAL INDEX}.
     */
    record CreateIndex(QualifiedName table, String name, boolean unique, boolean concurrently, String method)
            implements SqlStatement {
        CreateIndex(QualifiedName table, String name, boolean unique, boolean concurrently) {
            this(table, name, unique, concurrently, "btree");
        }
    }

    /** {@code DROP INDEX [CONCURRENTLY] name, ...}; MariaDB's {@code DROP INDEX name ON table} with its table. */
    record DropIndex(List<QualifiedName> indexes, boolean concurrently, QualifiedName table) implements SqlStatement {
        DropIndex(List<QualifiedName> indexes, boolean concurrently) {
            this(indexes, concurrently, null);
        }
    }

    /** {@code REINDEX ... [CONCURRENTLY]}. */
    record Reindex(boolean concurrently) implements SqlStatement {}

    /** {@code CREATE [UNLOGGED] TABLE name}. */
    record CreateTable(QualifiedName table) implements SqlStatement {}

    /**
     * {@code ALTER TABLE name action, ...} (MariaDB's {@code RENAME TABLE a TO b} too); {@code online} when, on MariaDB,
     * it asserts {@code LOCK=NONE} or {@code ALGORITHM=INSTANT}: the server refuses it rather than block writes.
     */
    record AlterTable(QualifiedName table, List<Action> actions, boolean online) implements SqlStatement {
        AlterTable(QualifiedName table, List<Action> actions) {
            this(table, actions, false);
        }
    }

    /** {@code DROP TABLE|SEQUENCE|TYPE|DOMAIN name, ...}: objects whose data goes with them. */
    record Drop(String kind, List<QualifiedName> names) implements SqlStatement {}

    /** {@code UPDATE table ...}. */
    record Update(QualifiedName table) implements SqlStatement {}

    /** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, ...: the words it starts with. */
    record TransactionControl(String words) implements SqlStatement {}

    /**
     * {@code SET [LOCAL|SESSION] name ...}; on MariaDB every variable a {@code SET} gives the session, and {@code off}
     * those of them it sets to {@code 0}, {@code OFF} or {@code FALSE}.
     */
    record Set(List<String> names, List<String> off) implements SqlStatement {
        Set(String name) {
            this(List.of(name));
        }

        Set(List<String> names) {
            this(names, List.of());
        }
    }

    /**
     * MariaDB's {@code SET STATEMENT name = value, ... FOR statement}: the variables for that statement alone, and those
     * of them it turns off.
     */
    record ForStatement(List<String> names, List<String> off, SqlStatement statement) implements SqlStatement {
        ForStatement(List<String> names, SqlStatement statement) {
            this(names, List.of(), statement);
        }
    }

    /** A statement of a kind lint knows and has no rule about ({@code INSERT}, {@code COMMENT ON}, ...). */
    record Other(String words) implements SqlStatement {}

    /** A statement lint could not read: never passed silently. */
    record Unparsed(String reason) implements SqlStatement {}

    /** One action of an {@code ALTER TABLE}. */
    sealed interface Action {
        record AddColumn(String column, boolean notNull, List<SqlToken> defaultValue, boolean generated)
                implements Action {}

        /** {@code ADD [CONSTRAINT name] CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE ...}; {@code notNullOf} the column of a {@code CHECK (c IS NOT NULL)}. */
        record AddConstraint(String name, String kind, boolean notValid, boolean usingIndex, String notNullOf)
                implements Action {}

        record SetNotNull(String column) implements Action {}

        record AlterType(String column, String type) implements Action {}

        record ValidateConstraint(String name) implements Action {}

        record DropColumn(String column) implements Action {}

        record DropConstraint(String name) implements Action {}

        /** {@code RENAME [COLUMN] a TO b} (kind {@code column}), {@code RENAME TO b} ({@code table}), {@code RENAME CONSTRAINT}. */
        record Rename(String kind, String from, String to) implements Action {}

        /** MariaDB's {@code ADD [UNIQUE|FULLTEXT|SPATIAL] INDEX|KEY ...}. */
        record AddIndex(boolean unique, String method) implements Action {}

        /** MariaDB's {@code DROP INDEX|KEY name}. */
        record DropIndex(String name) implements Action {}

        /** MariaDB's {@code MODIFY c type ...} and {@code CHANGE old c type ...}: the column's whole new definition. */
        record Modify(String column, String type, boolean notNull) implements Action {}

        record Other(String words) implements Action {}
    }
}
