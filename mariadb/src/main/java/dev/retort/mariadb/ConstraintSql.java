package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.columnList;
import static dev.retort.mariadb.MariaDbSql.expression;
import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.refused;
import static dev.retort.mariadb.MariaDbSql.table;

import dev.retort.op.AddCheck;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropCheck;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropUnique;
import dev.retort.op.Option;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys, checks, foreign keys and indexes. On MariaDB a unique constraint is a unique index (dropped and
 * renamed as one), the primary key is always named {@code PRIMARY}, and an index takes its key prefix
 * lengths from the renderer's {@link TableDetails}. What PostgreSQL alone has is refused: deferrable
 * foreign keys, {@code NO INHERIT} checks, partial, covering and expression indexes, operator classes,
 * {@code NULLS NOT DISTINCT}. The online forms ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING
 * INDEX}) are {@link OnlineSql}'s.
 */
final class ConstraintSql {
    /** The index types MariaDB reads back ({@code INDEX_TYPE}, lower case) and how a definition asks for each. */
    private static final Set<String> METHODS = Set.of("btree", "hash", "fulltext", "spatial");

    private ConstraintSql() {}

    static String primaryKey(PrimaryKey key) {
        return "PRIMARY KEY (" + columnList(key.columns()) + ")";
    }

    static String unique(QualifiedName table, UniqueConstraint unique, TableDetails details) {
        if (unique.nullsNotDistinct())
            throw refused("NULLS NOT DISTINCT (unique constraint on " + table + " " + unique.columns() + ")");
        // named, where MariaDB would name it after its first column: see DefaultNames.uniqueName
        String name = DefaultNames.uniqueName(table, unique);
        // the key's own prefix lengths (a migration's unique("s").prefixes(5)), else the details'
        if (!unique.prefixes().isEmpty()) {
            Map<String, List<Integer>> stated = Map.of(name, unique.prefixes());
            details = new TableDetails(null, null, null, Map.of(), Set.of(), stated);
        }
        return "UNIQUE KEY " + quoted(name) + " (" + keys(name, unique.columns(), details) + ")";
    }

    static String check(QualifiedName table, CheckConstraint check) {
        if (!check.valid()) throw refused("NOT VALID checks (table " + table + ")");
        if (!check.inheritable()) throw refused("NO INHERIT checks (table " + table + ")");
        return "CONSTRAINT " + quoted(checkName(table, check)) + " CHECK ("
                + expression(check.expression(), "the check on " + table) + ")";
    }

    static String foreignKey(QualifiedName table, ForeignKey key) {
        String what = "foreign key " + (key.name() == null ? key.columns().toString() : key.name()) + " on " + table;
        if (key.deferrable()) throw refused("deferrable foreign keys (" + what + ")");
        if (!key.valid()) throw refused("NOT VALID foreign keys (" + what + ")");
        String name = key.name() == null ? "" : "CONSTRAINT " + quoted(key.name()) + " ";
        return name + "FOREIGN KEY (" + columnList(key.columns()) + ") REFERENCES " + table(key.referencedTable())
                + " (" + columnList(key.referencedColumns()) + ") ON DELETE "
                + key.onDelete().sql()
                + " ON UPDATE " + key.onUpdate().sql();
    }

    static List<String> addPrimaryKey(AddPrimaryKey op) {
        refuseOptions(op.options(), "primary key on " + op.table());
        return List.of(TableSql.alterTable(op.table()) + " ADD " + primaryKey(op.key()));
    }

    static List<String> dropPrimaryKey(DropPrimaryKey op) {
        return List.of(TableSql.alterTable(op.table()) + " DROP PRIMARY KEY");
    }

    static List<String> addUnique(AddUnique op, TableDetails details) {
        refuseOptions(op.options(), "unique constraint on " + op.table());
        return List.of(TableSql.alterTable(op.table()) + " ADD " + unique(op.table(), op.constraint(), details));
    }

    static List<String> dropUnique(DropUnique op) {
        return List.of(TableSql.alterTable(op.table()) + " DROP INDEX "
                + quoted(DefaultNames.uniqueName(op.table(), op.constraint())));
    }

    static List<String> addCheck(AddCheck op) {
        return List.of(TableSql.alterTable(op.table()) + " ADD " + check(op.table(), op.constraint()));
    }

    /**
     * {@code DROP CONSTRAINT}; {@code IF EXISTS} when the check may be a column's own, which the column's {@code
     * MODIFY} or {@code DROP} in the same migration takes with it (MariaDB refuses the plain drop of one: error 1091).
     */
    static List<String> dropCheck(DropCheck op, boolean mayBeTakenByItsColumn) {
        return List.of(TableSql.alterTable(op.table()) + " DROP CONSTRAINT "
                + (mayBeTakenByItsColumn ? "IF EXISTS " : "") + quoted(checkName(op.table(), op.constraint())));
    }

    static List<String> addForeignKey(AddForeignKey op) {
        refuseOptions(op.options(), "foreign key on " + op.table());
        return List.of(TableSql.alterTable(op.table()) + " ADD " + foreignKey(op.table(), op.key()));
    }

    /**
     * The key, and the index InnoDB made for it when no index of the table started with its columns (named after the
     * key, {@code IF EXISTS}: none was made when one did), which {@code DROP FOREIGN KEY} leaves behind: so that the
     * drop undoes the {@code ADD} exactly, as the comparison leaves that index out while the key exists. An index of
     * the key's own name declared apart from it is dropped too (MariaDB gives the two no way apart), unless {@code
     * withIndex} is false: the operations around it drop that index themselves (a diff between two databases, which
     * compares such indexes as any other).
     */
    static List<String> dropForeignKey(DropForeignKey op, boolean withIndex) {
        String name = named(op.key().name(), op.table());
        return List.of(TableSql.alterTable(op.table()) + " DROP FOREIGN KEY " + name
                + (withIndex ? ", DROP INDEX IF EXISTS " + name : ""));
    }

    /** {@code CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX}, under its name or, unnamed, {@link DefaultNames#indexName}. */
    static List<String> createIndex(CreateIndex op, TableDetails details) {
        Index index = op.index();
        String what = "index " + (index.name() == null ? "" : index.name() + " ") + "on " + op.table();
        if (op.options().contains(Option.CONCURRENTLY))
            throw refused("CONCURRENTLY (" + what + "): MariaDB builds indexes online (ALGORITHM=INPLACE) anyway");
        if (index.where() != null) throw refused("partial indexes, WHERE (" + what + ")");
        if (!index.include().isEmpty()) throw refused("covering indexes, INCLUDE (" + what + ")");
        if (index.nullsNotDistinct()) throw refused("NULLS NOT DISTINCT (" + what + ")");
        if (!METHODS.contains(index.method())) throw refused("index method " + index.method() + " (" + what + ")");
        List<String> columns = new ArrayList<>();
        for (Index.Key key : index.keys()) {
            if (key.isExpression()) throw refused("expression keys in indexes (" + what + ": " + key.column() + ")");
            if (key.opclass() != null) throw refused("operator classes (" + what + ": " + key.opclass() + ")");
            if (key.nullsFirst() != key.descending())
                throw refused("NULLS FIRST/LAST in index keys (" + what + "): NULLs sort first ascending");
            columns.add(key.column());
        }
        String kind = index.method().equals("fulltext") || index.method().equals("spatial")
                ? index.method().toUpperCase(java.util.Locale.ROOT) + " "
                : index.unique() ? "UNIQUE " : "";
        String using = index.method().equals("hash") ? " USING HASH" : "";
        String name = DefaultNames.indexName(op.table(), index);
        String keys = keys(name, columns, details, index.keys());
        String exists = op.options().contains(Option.IF_NOT_EXISTS) ? "IF NOT EXISTS " : "";
        return List.of("CREATE " + kind + "INDEX " + exists + quoted(name) + " ON " + table(op.table()) + " (" + keys
                + ")" + using);
    }

    static List<String> dropIndex(DropIndex op) {
        if (op.options().contains(Option.CONCURRENTLY)) throw refused("CONCURRENTLY (index on " + op.table() + ")");
        return List.of("DROP INDEX " + ifExists(op) + indexName(op.table(), op.index()) + " ON " + table(op.table()));
    }

    /** {@code IF EXISTS }, or nothing. */
    static String ifExists(DropIndex op) {
        return op.options().contains(Option.IF_EXISTS) ? "IF EXISTS " : "";
    }

    /** An index's name, quoted: an unnamed one's as {@link #createIndex} writes it ({@link DefaultNames#indexName}). */
    static String indexName(QualifiedName table, Index index) {
        return quoted(DefaultNames.indexName(table, index));
    }

    /** {@code RENAME INDEX} (MariaDB 10.5.2+), for indexes and unique constraints alike. */
    static List<String> renameIndex(QualifiedName table, String from, String to) {
        return List.of(TableSql.alterTable(table) + " RENAME INDEX " + quoted(from) + " TO " + quoted(to));
    }

    /** A key's columns with their prefix lengths from the details, by the index's name, or from the keys themselves. */
    static String keys(String name, List<String> columns, TableDetails details) {
        return keys(name, columns, details, null);
    }

    private static String keys(String name, List<String> columns, TableDetails details, List<Index.Key> order) {
        List<Integer> prefixes =
                details == null || name == null ? null : details.prefixes().get(name);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StringBuilder part = new StringBuilder(quoted(columns.get(i)));
            // the key's own prefix (a migration's key("note").prefix(20)), else the details'
            Integer stated = order == null ? null : order.get(i).prefix();
            if (stated != null) part.append('(').append(stated).append(')');
            else if (prefixes != null && i < prefixes.size() && prefixes.get(i) != null)
                part.append('(').append(prefixes.get(i)).append(')');
            if (order != null && order.get(i).descending()) part.append(" DESC");
            parts.add(part.toString());
        }
        return String.join(", ", parts);
    }

    /**
     * A check's name, or for an unnamed one (an entity's {@code @Min}, a migration's {@code check("qty > 0")}) the
     * one PostgreSQL's renderer gives it too ({@link DefaultNames#checkName}): MariaDB would number it ({@code
     * CONSTRAINT_1}), and the downgrade could not name what to drop.
     */
    static String checkName(QualifiedName table, CheckConstraint check) {
        return DefaultNames.checkName(table, check);
    }

    /** A foreign key's name; MariaDB numbers unnamed ones ({@code t_ibfk_1}). */
    private static String named(String name, QualifiedName table) {
        if (name == null)
            throw new IllegalArgumentException("table " + table + ": a foreign key to drop has no name"
                    + " (MariaDB numbers unnamed ones: name it)");
        return quoted(name);
    }

    private static void refuseOptions(Set<Option> options, String what) {
        for (Option option : options) throw refused(option.name().replace('_', ' ') + " (" + what + ")");
    }
}
