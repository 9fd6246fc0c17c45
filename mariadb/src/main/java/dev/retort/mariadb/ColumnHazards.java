package dev.retort.mariadb;

import static dev.retort.mariadb.MariaDbHazards.COPY;
import static dev.retort.mariadb.MariaDbHazards.REBUILD;

import dev.retort.diff.Plan;
import dev.retort.op.AddColumn;
import dev.retort.op.AlterColumn;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hazards of an added or changed column on MariaDB ({@link MariaDbHazards}): InnoDB adds most columns and changes
 * defaults, comments and collations within a character set instantly, rebuilds the table in place for a change of
 * nullability, and copies it for a type change but a {@code varchar} widening that keeps its length bytes.
 */
final class ColumnHazards {
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

    /** Defaults InnoDB cannot add instantly, as each row gets its own value: these functions, or another column. */
    private static final Pattern PER_ROW = Pattern.compile(
            "(?i)\\b(" + String.join("|", new TreeSet<>(InnoDbInstant.ROW_BY_ROW_DEFAULTS)) + ")\\s*\\(|`");

    /** Bytes a character takes at most, by character set (a collation's name starts with its set's). */
    private static final Map<String, Integer> BYTES = Map.of(
            "latin1", 1, "ascii", 1, "binary", 1, "ucs2", 2, "utf8", 3, "utf8mb3", 3, "utf8mb4", 4, "utf16", 4, "utf32",
            4);

    /** What a column without a collation of its own is taken to hold: utf8mb4, the most bytes a character. */
    private static final String ASSUMED = "utf8mb4";

    private ColumnHazards() {}

    /**
     * An added column: instant, but for a stored generated column (unless {@code .virtual()}, generated columns are) or a
     * default each row computes its own value of, both copying the table; an identity column keeps PostgreSQL's
     * hazard. A NOT NULL column without a default does not fail on rows: they get the type's implicit default. On MySQL
     * ({@code mysql}), a default {@link MySqlDefaults#refusedWhenAdded} is refused, any other but {@link
     * MySqlDefaults#addedInstantly}'s copies the table, and so does a NOT NULL date column without one
     * ({@link MySqlDefaults#zeroDated}).
     */
    static List<Hazard> add(AddColumn op, boolean mysql) {
        Column column = op.column();
        String where = op.table() + "." + column.name();
        // a VIRTUAL column is computed when read: adding one is instant
        if (column.generated() != null && column.options().virtual()) return List.of();
        if (column.generated() != null)
            return List.of(new Hazard(Hazard.Kind.TABLE_REWRITE, "adding generated column " + where + " " + COPY));
        if (column.identity() != Identity.NONE) return op.hazards();
        String expression =
                column.defaultValue() == null ? null : column.defaultValue().expression();
        if (mysql && expression != null && MySqlDefaults.refusedWhenAdded(expression) != null)
            return List.of(new Hazard(
                    Hazard.Kind.FAILS_ON_DATA,
                    "adding " + where + " with DEFAULT " + expression + " is refused by MySQL while its binary log is"
                            + " on, as it is by default (error 1674: a row's value could differ on a replica): add the"
                            + " column without the default, then set it"));
        if (mysql && expression == null && !column.nullable() && MySqlDefaults.zeroDated(column.type()))
            return List.of(new Hazard(Hazard.Kind.FAILS_ON_DATA, zeroDate(where, column.type())));
        if (expression != null
                && (mysql
                        ? expression.contains("`")
                        : PER_ROW.matcher(expression).find()))
            return List.of(new Hazard(
                    Hazard.Kind.TABLE_REWRITE,
                    "adding " + where + " with DEFAULT " + column.defaultValue().expression() + " " + COPY
                            + ": each row gets its own value"));
        if (mysql && expression != null && !MySqlDefaults.addedInstantly(expression))
            return List.of(new Hazard(
                    Hazard.Kind.TABLE_REWRITE,
                    "adding " + where + " with DEFAULT " + expression + " " + COPY
                            + ": MySQL adds a column with an expression as its default only by copying the table"));
        return List.of();
    }

    /**
     * MySQL's answer to a {@code NOT NULL} date column added without a default to a table with rows: its default {@code
     * sql_mode} refuses a {@code date} or {@code datetime} the zero date (error 1292), and gives a {@code timestamp} it,
     * which the same mode then refuses when the table is next copied.
     */
    private static String zeroDate(String where, String type) {
        String shown = "adding NOT NULL " + type + " column " + where + " without a default ";
        if (type.toLowerCase(Locale.ROOT).startsWith("timestamp"))
            return shown + "gives every row there the zero date on MySQL, which its default sql_mode then refuses"
                    + " when the table is next copied (error 1292): give it a default, or add it nullable, backfill,"
                    + " then make it NOT NULL";
        return shown + "fails on MySQL if the table has a row (error 1292: its default sql_mode refuses the zero"
                + " date): give it a default, or add it nullable, backfill, then make it NOT NULL";
    }

    /**
     * A changed column: PostgreSQL's verdicts on the values (cut, rounded, a conversion to write) hold, as the same
     * conversions run; what MariaDB copies or rebuilds is its own.
     */
    static List<Hazard> alter(AlterColumn op, List<Op> context, boolean mysql) {
        String where = op.table() + "." + op.columnName();
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard hazard : op.hazards())
            if (hazard.kind() != Hazard.Kind.TABLE_REWRITE && hazard.kind() != Hazard.Kind.LONG_LOCK)
                hazards.add(hazard);
        String copy = copies(op, where, mysql);
        if (copy != null) hazards.add(new Hazard(Hazard.Kind.TABLE_REWRITE, copy));
        if (op.nullabilityChanged() && copy == null)
            hazards.add(new Hazard(
                    Hazard.Kind.TABLE_REWRITE,
                    (op.setsNotNull() ? "SET NOT NULL" : "DROP NOT NULL") + " on " + where + " " + REBUILD));
        // a validated IS NOT NULL check proved it first (Plan.hazards then leaves SET NOT NULL's own hazard out)
        if (op.setsNotNull() && Plan.hazards(op, context).contains(op.notNullHazard()))
            hazards.add(new Hazard(Hazard.Kind.FAILS_ON_DATA, "SET NOT NULL on " + where + " fails if it holds nulls"));
        return List.copyOf(hazards);
    }

    /**
     * Whether the statement of an added or changed column copies the table ({@code ALGORITHM=COPY}), by MySQL's rules
     * with {@code mysql}: an added column that {@link #add} says rewrites the table, a change {@link #copies} says
     * copies it (on MySQL, a collation change of a column an index may hold too).
     */
    static boolean copiesTable(Op op, boolean mysql) {
        if (op instanceof AlterColumn a) return copies(a, a.table() + "." + a.columnName(), mysql) != null;
        if (op instanceof AddColumn a)
            return add(a, mysql).stream().anyMatch(h -> h.kind() == Hazard.Kind.TABLE_REWRITE);
        return false;
    }

    /**
     * Why the {@code MODIFY} copies the table, or null when it changes the column in place or instantly. MySQL ({@code
     * mysql}) keeps a {@code varchar}'s length bytes by its largest size alone (one up to 255 bytes), and copies the
     * table to change the collation of a column an index holds.
     */
    private static String copies(AlterColumn op, String where, boolean mysql) {
        Column from = op.from();
        Column to = op.to();
        if (op.rebuilds()) return "adding the generated column " + where + " again " + COPY;
        String fromSet = charset(from);
        String toSet = charset(to);
        if (!from.type().equals(to.type())) {
            String change = "changing the type of " + where + " (" + from.type() + " -> " + to.type() + ") ";
            Matcher a = VARCHAR.matcher(from.type());
            Matcher b = VARCHAR.matcher(to.type());
            if (!a.matches() || !b.matches()) return change + COPY;
            int bytes = BYTES.getOrDefault(fromSet == null ? ASSUMED : fromSet, 4);
            int before = Integer.parseInt(a.group(1));
            int after = Integer.parseInt(b.group(1));
            if (after < before) return change + COPY;
            if (mysql
                    ? !InnoDbInstant.mySqlKeepsLengthBytes(before, after, bytes)
                    : !InnoDbInstant.keepsLengthBytes(before, after, bytes))
                return change + COPY + ": its values' length takes two bytes instead of one ("
                        + (fromSet == null ? ASSUMED + " assumed" : fromSet) + ")";
        }
        if (op.collationChanged()
                && fromSet != null
                && toSet != null
                && !fromSet.equals(toSet)
                && !(fromSet.startsWith("utf8") && toSet.equals("utf8mb4")))
            return "changing the collation of " + where + " to " + to.collation() + " (character set " + fromSet
                    + " -> " + toSet + ") " + COPY;
        if (mysql && op.collationChanged())
            return "changing the collation of " + where + " to " + to.collation() + " "
                    + COPY.replace(" (", " if an" + " index holds the column (")
                    + "; MySQL changes it in place if none does";
        return null;
    }

    /** The character set a column's own collation names, or null when it has none (the table's is not known). */
    private static String charset(Column column) {
        if (column.collation() == null) return null;
        String set = column.collation().replaceFirst("_.*", "");
        return BYTES.containsKey(set) ? set : null;
    }
}
