package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.refused;
import static dev.retort.mariadb.MariaDbSql.table;
import static dev.retort.mariadb.MariaDbSql.text;

import dev.retort.op.AddCheck;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropIndex;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MariaDB's forms of the lock-safe operations {@code safety = online} writes (PostgreSQL's {@code CONCURRENTLY},
 * {@code NOT VALID}, {@code VALIDATE CONSTRAINT}, {@code USING INDEX}). Each statement that changes a table carries
 * {@code ALGORITHM=INPLACE, LOCK=NONE}, so the server refuses it (error 1845/1846, nothing changed) rather than copy
 * the table while writes wait; a validation is a compound statement that reads the rows, takes no lock and signals
 * naming those that break the constraint. What MariaDB 10.11 cannot do without blocking writes (a check: adding one
 * copies the table) is written with the lock it takes, {@code LOCK=SHARED}, never as if it were online.
 */
final class OnlineSql {
    /** What every online statement ends with: the server refuses what it cannot do with concurrent writes. */
    static final String ONLINE = "ALGORITHM=INPLACE, LOCK=NONE";

    /** The most rows a validation's error names. */
    private static final int NAMED_ROWS = 5;

    private OnlineSql() {}

    /** {@code CREATE INDEX ... ALGORITHM=INPLACE LOCK=NONE}; FULLTEXT and SPATIAL builds need a lock, refused. */
    static List<String> createIndex(CreateIndex op, List<String> plain) {
        String method = op.index().method();
        if (method.equals("fulltext") || method.equals("spatial"))
            throw refused("online build of " + method.toUpperCase(Locale.ROOT) + " indexes (index "
                    + op.index().name() + " on " + op.table() + "): it blocks writes (LOCK=SHARED); create it without"
                    + " Option.CONCURRENTLY");
        // the plain form is a CREATE INDEX (an unnamed index gets Retort's name), whose options take no comma
        return List.of(plain.get(0) + " " + ONLINE.replace(",", ""));
    }

    /** {@code ALTER TABLE ... DROP INDEX [IF EXISTS] ..., ALGORITHM=INPLACE, LOCK=NONE} (DROP INDEX takes neither). */
    static List<String> dropIndex(DropIndex op) {
        return List.of(TableSql.alterTable(op.table()) + " DROP INDEX " + ConstraintSql.ifExists(op)
                + ConstraintSql.indexName(op.table(), op.index()) + ", " + ONLINE);
    }

    /**
     * A foreign key added without reading the rows ({@code foreign_key_checks=0} for this statement alone, which
     * MariaDB needs to add one in place): writes after it are checked, the rows already there by its validation.
     */
    static List<String> addForeignKey(AddForeignKey op) {
        String key = ConstraintSql.foreignKey(op.table(), op.key().validated());
        return List.of("SET STATEMENT foreign_key_checks=0 FOR " + TableSql.alterTable(op.table()) + " ADD " + key
                + ", " + ONLINE);
    }

    /**
     * The primary key built from the unique index of its name made before ({@code USING INDEX}'s MariaDB form): that
     * index dropped and the key added in one statement, which rebuilds the table in place while writes go on; the
     * index proved the rows unique first.
     */
    static List<String> addPrimaryKey(AddPrimaryKey op) {
        String name = op.key().name() != null
                ? op.key().name()
                : DefaultNames.of(op.table().name(), "", "pkey");
        return List.of(TableSql.alterTable(op.table()) + " DROP INDEX " + quoted(name) + ", ADD "
                + ConstraintSql.primaryKey(op.key()) + ", " + ONLINE);
    }

    /** A check: MariaDB 10.11 adds one only by copying the table, writes waiting; written so ({@code LOCK=SHARED}). */
    static List<String> addCheck(AddCheck op) {
        return List.of(TableSql.alterTable(op.table()) + " ADD "
                + ConstraintSql.check(op.table(), op.constraint().validated()) + ", ALGORITHM=COPY, LOCK=SHARED");
    }

    /**
     * {@code VALIDATE CONSTRAINT} of a foreign key: a compound statement that signals (SQL state 23000) naming up to
     * five rows whose columns, none null, match no row of the referenced table. It reads a snapshot and takes no lock;
     * it proves that no row existing when it ran breaks the key, and writes after the key's {@code ADD} were checked
     * by InnoDB, unless a session turned {@code foreign_key_checks} off itself.
     */
    static List<String> validateForeignKey(ValidateConstraint op, ForeignKey key) {
        String child = "c", parent = "p";
        List<String> notNull = new ArrayList<>();
        List<String> match = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            String column = child + "." + quoted(key.columns().get(i));
            notNull.add(column + " IS NOT NULL");
            match.add(parent + "." + quoted(key.referencedColumns().get(i)) + " = " + column);
            values.add("quote(" + column + ")");
        }
        String rows = "SELECT concat('(', concat_ws(', ', " + String.join(", ", values) + "), ')') AS r FROM "
                + table(op.table()) + " " + child + " WHERE " + String.join(" AND ", notNull) + " AND NOT EXISTS"
                + " (SELECT 1 FROM " + table(key.referencedTable()) + " " + parent + " WHERE "
                + String.join(" AND ", match) + ") LIMIT " + NAMED_ROWS;
        String what = "foreign key " + (key.name() == null ? "" : key.name() + " ") + "on "
                + op.table().name()
                + ": rows whose (" + String.join(", ", key.columns()) + ") match no row of "
                + key.referencedTable().name() + ": ";
        return List.of(signalling(rows, what));
    }

    /**
     * The safe {@code SET NOT NULL}'s proof: a compound statement that signals naming how many rows hold null, read
     * without a lock, before the {@code MODIFY} (which strict {@code sql_mode} would fail on them anyway).
     */
    static List<String> validateNotNull(QualifiedName table, String column) {
        String rows = "SELECT concat(count(*), ' rows') AS r FROM " + table(table) + " WHERE " + quoted(column)
                + " IS NULL HAVING count(*) > 0";
        return List.of(signalling(rows, "column " + column + " of " + table.name() + " holds null in "));
    }

    /** The compound statement that signals {@code what} and the rows {@code rows} selects, when there are any. */
    private static String signalling(String rows, String what) {
        return String.join(
                "\n",
                "BEGIN NOT ATOMIC",
                "  DECLARE found text DEFAULT NULL;",
                "  SELECT group_concat(r SEPARATOR '; ') INTO found FROM (" + rows + ") AS broken;",
                "  IF found IS NOT NULL THEN",
                "    SET found = left(concat(" + text(what) + ", found), 500);",
                "    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = found;",
                "  END IF;",
                "END");
    }
}
