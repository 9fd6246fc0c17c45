package dev.retort.lint.internal;

import dev.retort.schema.QualifiedName;
import java.util.List;

/** What lint reads of one hand-written statement: the forms its rules look at, or why it could not read it. */
sealed interface SqlStatement {
    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON table}. */
    record CreateIndex(QualifiedName table, String name, boolean unique, boolean concurrently)
            implements SqlStatement {}

    /** {@code DROP INDEX [CONCURRENTLY] name, ...}. */
    record DropIndex(List<QualifiedName> indexes, boolean concurrently) implements SqlStatement {}

    /** {@code REINDEX ... [CONCURRENTLY]}. */
    record Reindex(boolean concurrently) implements SqlStatement {}

    /** {@code CREATE [UNLOGGED] TABLE name}. */
    record CreateTable(QualifiedName table) implements SqlStatement {}

    /** {@code ALTER TABLE name action, ...}. */
    record AlterTable(QualifiedName table, List<Action> actions) implements SqlStatement {}

    /** {@code DROP TABLE|SEQUENCE|TYPE|DOMAIN name, ...}: objects whose data goes with them. */
    record Drop(String kind, List<QualifiedName> names) implements SqlStatement {}

    /** {@code UPDATE table ...}. */
    record Update(QualifiedName table) implements SqlStatement {}

    /** {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, ...: the words it starts with. */
    record TransactionControl(String words) implements SqlStatement {}

    /** {@code SET [LOCAL|SESSION] name ...}. */
    record Set(String name) implements SqlStatement {}

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

        record Other(String words) implements Action {}
    }
}
