package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbSql.quoted;
import static dev.retort.mariadb.MariaDbSql.text;

import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a script's {@code MODIFY COLUMN} keeps of the live column, read by the script itself when it runs, since it has
 * no connection before: the definition is written with a hole for each piece {@link LiveColumns} would fill online,
 * and {@link #block} makes a statement with holes a {@code BEGIN NOT ATOMIC} block that reads them from {@code
 * information_schema} as {@link LiveColumns#read} does, signals naming the column when a collation or {@code ON UPDATE}
 * has another shape than MariaDB's (so that nothing the catalog holds runs as SQL), and runs the statement through
 * {@code EXECUTE IMMEDIATE}.
 */
final class ScriptColumns implements KeptColumns {
    /** Starts and ends a hole: no statement holds it otherwise, every name, literal and expression with one is refused. */
    private static final char HOLE = '\0';

    /** The pieces of a column the block reads; each hole is a kind's ordinal, then the column's name. */
    private enum Kind {
        COLLATION("collation", "text"),
        ON_UPDATE("on_update", "text"),
        VIRTUAL("virtual", "boolean"),
        INVISIBLE("invisible", "boolean"),
        COMPRESSED("compressed", "boolean"),
        OWN_CHECK("own_check", "boolean");

        final String variable;
        final String type;

        Kind(String variable, String type) {
            this.variable = variable;
            this.type = type;
        }

        /**
         * The read of this piece of {@code column} among the table's rows of {@code information_schema.COLUMNS c}; on
         * MySQL ({@code mysql}), whose {@code COLUMNS} has no {@code IS_GENERATED}, {@code EXTRA} says it.
         */
        String read(String column, boolean mysql) {
            String is = "c.COLUMN_NAME = BINARY " + text(column);
            return switch (this) {
                case COLLATION ->
                    "max(IF(" + is + " AND c.COLLATION_NAME <> t.TABLE_COLLATION, c.COLLATION_NAME, NULL))";
                case ON_UPDATE ->
                    "max(IF(" + is + ", nullif(regexp_substr(lower(c.EXTRA), '(?<=on update )[^ ]+'), ''), NULL))";
                case VIRTUAL ->
                    mysql
                            ? "max(" + is + " AND lower(c.EXTRA) LIKE '%virtual generated%')"
                            : "max(" + is + " AND c.IS_GENERATED = 'ALWAYS' AND lower(c.EXTRA) LIKE '%virtual%')";
                case INVISIBLE -> "max(" + is + " AND lower(c.EXTRA) LIKE '%invisible%')";
                case COMPRESSED -> "max(" + is + " AND c.COLUMN_TYPE LIKE '%COMPRESSED%')";
                // its own check: named after it, or, named after no column (a renamed column's: SQL cannot read
                // SHOW CREATE TABLE), one whose clause names it (when in doubt the block stops, which loses nothing)
                case OWN_CHECK ->
                    "max(" + is + " AND EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k"
                            + " WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME"
                            + " AND k.LEVEL = 'Column' AND (k.CONSTRAINT_NAME = c.COLUMN_NAME"
                            + " OR (NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS o"
                            + " WHERE o.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME"
                            + " AND o.COLUMN_NAME = k.CONSTRAINT_NAME)"
                            + " AND locate(concat('`', replace(c.COLUMN_NAME, '`', '``'), '`'), k.CHECK_CLAUSE) > 0))))";
            };
        }

        /**
         * The signal when what was read could run as more than the piece, or null when it cannot; on MySQL ({@code
         * mysql}), whose {@code REGEXP BINARY} refuses a text of a character set, through {@code regexp_like}.
         */
        String check(String variable, QualifiedName table, String column, boolean mysql) {
            String where = "retort: column " + table + "." + column + ": information_schema gives its ";
            return switch (this) {
                case COLLATION ->
                    check(
                            notMatching(variable, "^[A-Za-z0-9_]+$", mysql),
                            where + "collation as no name of letters, digits and underscores; this MODIFY COLUMN would"
                                    + " lose it, so it did not run");
                case ON_UPDATE ->
                    check(
                            notMatching(variable, "^current_timestamp([(][0-9]?[)])?$", mysql),
                            where + "ON UPDATE as other than current_timestamp(N); this MODIFY COLUMN would lose it, so"
                                    + " it did not run");
                case OWN_CHECK ->
                    check(
                            variable,
                            "retort: column " + table + "." + column + " has its own check, which this MODIFY COLUMN"
                                    + " would drop, so it did not run; drop the check before the change and add it"
                                    + " again after (op.dropCheck, op.addCheck)");
                case VIRTUAL, INVISIBLE, COMPRESSED -> null;
            };
        }

        /** That a text does not match a pattern, case and all. */
        private static String notMatching(String variable, String pattern, boolean mysql) {
            return mysql
                    ? "NOT regexp_like(" + variable + ", " + text(pattern) + ", 'c')"
                    : variable + " NOT REGEXP BINARY " + text(pattern);
        }

        private static String check(String condition, String message) {
            return "  IF " + condition + " THEN\n    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = " + text(message)
                    + ";\n  END IF;";
        }

        /** The piece of the statement, from what was read. */
        String piece(String variable) {
            return switch (this) {
                case COLLATION -> "IF(" + variable + " IS NULL, '', concat(' COLLATE ', " + variable + "))";
                case ON_UPDATE -> "IF(" + variable + " IS NULL, '', concat(' ON UPDATE ', " + variable + "))";
                case VIRTUAL -> "IF(" + variable + ", 'VIRTUAL', 'STORED')";
                case INVISIBLE -> "IF(" + variable + ", ' INVISIBLE', '')";
                case COMPRESSED -> "IF(" + variable + ", ' COMPRESSED', '')";
                case OWN_CHECK -> throw new AssertionError("the own check writes nothing");
            };
        }
    }

    /** The names (in lower case) of the table's checks the statement's migration drops itself. */
    private final Set<String> checksDropped;

    /** Whether the script runs on MySQL, which has no column-level checks and no {@code COMPRESSED} columns. */
    private final boolean mysql;

    ScriptColumns(Set<String> checksDropped, boolean mysql) {
        this.checksDropped = Set.copyOf(checksDropped);
        this.mysql = mysql;
    }

    @Override
    public String collate(QualifiedName table, String column) {
        return hole(Kind.COLLATION, column);
    }

    @Override
    public String onUpdate(QualifiedName table, String column) {
        return hole(Kind.ON_UPDATE, column);
    }

    @Override
    public String storage(QualifiedName table, String column) {
        return hole(Kind.VIRTUAL, column);
    }

    @Override
    public String visibility(QualifiedName table, String column) {
        return hole(Kind.INVISIBLE, column);
    }

    @Override
    public String compression(QualifiedName table, String column) {
        return mysql ? "" : hole(Kind.COMPRESSED, column);
    }

    @Override
    public String ownCheck(QualifiedName table, String column) {
        return mysql || checksDropped.contains(column.toLowerCase(Locale.ROOT)) ? "" : hole(Kind.OWN_CHECK, column);
    }

    private static String hole(Kind kind, String column) {
        quoted(column); // refuses a name with a hidden character, which could end the hole
        return HOLE + Integer.toString(kind.ordinal()) + column + HOLE;
    }

    /**
     * A statement of {@code table} as a script runs it: with holes, the block that fills them from the live columns
     * and runs it; without, as it is. On MySQL ({@code mysql}), which has no {@code EXECUTE IMMEDIATE}, the statement
     * runs through {@code PREPARE} (the script makes the block a procedure: {@code MariaDbRunner.scriptBlock}), each
     * {@code DEFAULT} function call in parentheses ({@link MySqlDefaults}).
     */
    static String block(QualifiedName table, String statement, boolean mysql) {
        if (mysql) statement = MySqlDefaults.statement(statement);
        if (statement.indexOf(HOLE) < 0) return statement;
        String[] parts = statement.split(String.valueOf(HOLE), -1);
        List<String> declarations = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                if (!parts[i].isEmpty()) pieces.add(text(parts[i]));
                continue;
            }
            Kind kind = Kind.values()[parts[i].charAt(0) - '0'];
            String column = parts[i].substring(1);
            String variable = kind.variable + "_" + (variables.size() + 1);
            declarations.add("  DECLARE " + variable + " " + kind.type + ";");
            reads.add(kind.read(column, mysql));
            variables.add(variable);
            String check = kind.check(variable, table, column, mysql);
            if (check != null) checks.add(check);
            // the own check's hole only stops the statement: it writes nothing
            if (kind != Kind.OWN_CHECK) pieces.add(kind.piece(variable));
        }
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN NOT ATOMIC");
        lines.add("  -- what the live columns have and the migration does not name, read as an online run reads them");
        lines.addAll(declarations);
        lines.add("  SELECT " + String.join(",\n         ", reads));
        lines.add("    INTO " + String.join(", ", variables));
        lines.add("    FROM information_schema.COLUMNS c");
        lines.add(
                "    JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME");
        lines.add("    WHERE c.TABLE_SCHEMA = " + (table.schema() == null ? "DATABASE()" : text(table.schema()))
                + " AND c.TABLE_NAME = " + text(table.name()) + ";");
        lines.addAll(checks);
        String built = "concat(\n    " + String.join(",\n    ", pieces) + ")";
        if (mysql) {
            lines.add("  SET @retort_statement = " + built + ";");
            lines.add("  PREPARE retort_statement FROM @retort_statement;");
            lines.add("  EXECUTE retort_statement;");
            lines.add("  DEALLOCATE PREPARE retort_statement;");
        } else lines.add("  EXECUTE IMMEDIATE " + built + ";");
        lines.add("END");
        return String.join("\n", lines);
    }
}
