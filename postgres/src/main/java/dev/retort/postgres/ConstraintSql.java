package dev.retort.postgres;

import static dev.retort.postgres.ObjectNames.checkName;
import static dev.retort.postgres.ObjectNames.foreignKeyName;
import static dev.retort.postgres.ObjectNames.primaryKeyName;
import static dev.retort.postgres.ObjectNames.uniqueName;
import static dev.retort.postgres.PostgresSql.columnList;
import static dev.retort.postgres.PostgresSql.quote;
import static dev.retort.postgres.PostgresSql.table;
import static dev.retort.postgres.TableSql.alterTable;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.op.AddCheck;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.DropCheck;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropUnique;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Option;
import dev.retort.op.RenameConstraint;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that add and drop primary keys, unique, check, foreign-key and exclusion
 * constraints, and validate checks and foreign keys.
 */
final class ConstraintSql {
    private ConstraintSql() {}

    static List<String> addPrimaryKey(AddPrimaryKey op) {
        if (op.options().contains(Option.USING_INDEX))
            return usingIndex(op.table(), primaryKeyName(op.table(), op.key()), "PRIMARY KEY");
        return List.of(alterTable(op.table()) + " ADD " + primaryKey(op.table(), op.key()));
    }

    /** {@code ADD CONSTRAINT c UNIQUE USING INDEX c}: the constraint takes over the unique index of its own name. */
    private static List<String> usingIndex(QualifiedName table, String name, String kind) {
        return List.of(
                alterTable(table) + " ADD CONSTRAINT " + quote(name) + " " + kind + " USING INDEX " + quote(name));
    }

    static List<String> dropPrimaryKey(DropPrimaryKey op) {
        return dropConstraint(op.table(), primaryKeyName(op.table(), op.key()));
    }

    static List<String> addUnique(AddUnique op) {
        if (op.options().contains(Option.USING_INDEX))
            return usingIndex(op.table(), uniqueName(op.table(), op.constraint()), "UNIQUE");
        return List.of(alterTable(op.table()) + " ADD " + unique(op.table(), op.constraint()));
    }

    static List<String> dropUnique(DropUnique op) {
        return dropConstraint(op.table(), uniqueName(op.table(), op.constraint()));
    }

    static List<String> addCheck(AddCheck op) {
        return List.of(alterTable(op.table()) + " ADD " + check(op.table(), op.constraint())
                + notValid(op.constraint().valid()));
    }

    static List<String> validate(ValidateConstraint op) {
        return List.of(alterTable(op.table()) + " VALIDATE CONSTRAINT "
                + quote(PostgresSql.name(op.table(), op.constraint())));
    }

    /** Dropped and added again {@code NOT VALID}: PostgreSQL cannot mark a valid constraint not valid. */
    static List<String> invalidate(InvalidateConstraint op) {
        List<String> statements =
                new ArrayList<>(dropConstraint(op.table(), PostgresSql.name(op.table(), op.constraint())));
        if (op.constraint() instanceof CheckConstraint check) {
            statements.addAll(addCheck(new AddCheck(op.table(), check.notValid())));
        } else {
            ForeignKey key = (ForeignKey) op.constraint();
            statements.addAll(addForeignKey(new AddForeignKey(op.table(), key.notValid())));
        }
        return statements;
    }

    private static String notValid(boolean valid) {
        return valid ? "" : " NOT VALID";
    }

    static List<String> dropCheck(DropCheck op) {
        return dropConstraint(op.table(), checkName(op.table(), op.constraint()));
    }

    static List<String> addForeignKey(AddForeignKey op) {
        return List.of(alterTable(op.table()) + " ADD " + foreignKey(op.table(), op.key())
                + notValid(op.key().valid()));
    }

    static List<String> dropForeignKey(DropForeignKey op) {
        return dropConstraint(op.table(), foreignKeyName(op.table(), op.key()));
    }

    static List<String> addExclusion(AddExclusion op) {
        return List.of(alterTable(op.table()) + " ADD CONSTRAINT "
                + quote(op.constraint().name()) + " EXCLUDE "
                + VisibleExpression.of(op.constraint().definition()));
    }

    static List<String> dropExclusion(DropExclusion op) {
        return dropConstraint(op.table(), op.constraint().name());
    }

    static List<String> rename(RenameConstraint op) {
        return List.of(alterTable(op.table()) + " RENAME CONSTRAINT " + quote(op.from()) + " TO " + quote(op.to()));
    }

    private static List<String> dropConstraint(QualifiedName table, String name) {
        return List.of(alterTable(table) + " DROP CONSTRAINT " + quote(name));
    }

    static String primaryKey(QualifiedName table, PrimaryKey key) {
        return "CONSTRAINT " + quote(primaryKeyName(table, key)) + " PRIMARY KEY (" + columnList(key.columns()) + ")";
    }

    static String unique(QualifiedName table, UniqueConstraint unique) {
        if (!unique.prefixes().isEmpty())
            throw new SqlDialect.UnsupportedOnDialect(
                    Dialect.POSTGRESQL,
                    "key prefix lengths (unique constraint on " + table + " " + unique.columns() + ")");
        return "CONSTRAINT " + quote(uniqueName(table, unique)) + " UNIQUE"
                + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " (" + columnList(unique.columns()) + ")";
    }

    static String check(QualifiedName table, CheckConstraint check) {
        return "CONSTRAINT " + quote(checkName(table, check)) + " CHECK (" + VisibleExpression.of(check.expression())
                + ")" + (check.inheritable() ? "" : " NO INHERIT");
    }

    static String foreignKey(QualifiedName table, ForeignKey key) {
        StringBuilder sql = new StringBuilder("CONSTRAINT ")
                .append(quote(foreignKeyName(table, key)))
                .append(" FOREIGN KEY (")
                .append(columnList(key.columns()))
                .append(") REFERENCES ")
                .append(table(key.referencedTable()))
                .append(" (")
                .append(columnList(key.referencedColumns()))
                .append(')');
        if (key.onDelete() != ForeignKey.Action.NO_ACTION)
            sql.append(" ON DELETE ").append(key.onDelete().sql());
        if (key.onUpdate() != ForeignKey.Action.NO_ACTION)
            sql.append(" ON UPDATE ").append(key.onUpdate().sql());
        if (key.deferrable()) sql.append(" DEFERRABLE").append(key.initiallyDeferred() ? " INITIALLY DEFERRED" : "");
        return sql.toString();
    }
}
