package dev.retort.mariadb;

import dev.retort.diff.HazardPolicy;
import dev.retort.diff.OnlineForms;
import dev.retort.diff.Plan;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.Hazard;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * MariaDB's hazards: what InnoDB does with the statement {@link MariaDbSql} writes for each operation, as MariaDB 10.11
 * answers when the statement asks for an algorithm and a lock ({@code MariaDbHazardsTest} runs each claim on a table).
 * The kinds are PostgreSQL's where the risk is the same kind; each message names the algorithm and lock, {@code
 * (ALGORITHM=COPY, LOCK=SHARED)}: the table copied while writes wait; {@code (ALGORITHM=INPLACE, LOCK=NONE)}: rebuilt
 * in place while writes go on. What MariaDB does without copying or rebuilding (a btree index, most added columns, a
 * default, comment or collation within one character set) carries no hazard; operations MariaDB runs as PostgreSQL
 * judges them (drops, renames, sequences) keep {@link Plan#hazards}'s.
 */
public final class MariaDbHazards implements HazardPolicy {
    /** MariaDB 10.11's policy. */
    public static final HazardPolicy POLICY = new MariaDbHazards("MariaDB 10.11", "MariaDB", "NOCOPY");

    /**
     * MySQL's (from 8.0.16; {@code MySqlHazardsTest} holds each claim to MySQL 9.7): MariaDB's answers but for what MySQL
     * does otherwise. It has no {@code ALGORITHM=NOCOPY} (its index builds are {@code INPLACE} without a rebuild), refuses
     * to add a column whose default may differ on a replica, and decides a column's change in place by its own rules
     * ({@link ColumnHazards}).
     */
    public static final HazardPolicy MYSQL_POLICY = new MariaDbHazards("MySQL", "MySQL", "INPLACE");

    /** The table copied while writes wait: what MariaDB does when no in-place form exists. */
    static final String COPY = "copies the table while writes wait (ALGORITHM=COPY, LOCK=SHARED)";

    /** The table rebuilt in place, writes going on but for a moment at each end (the metadata lock). */
    static final String REBUILD = "rebuilds the table in place while writes go on (ALGORITHM=INPLACE, LOCK=NONE)";

    /** The server's name with its version, and without, as the messages say them. */
    private final String version;

    private final String server;

    /** An index built without copying the table, writes going on. */
    private final String build;

    private MariaDbHazards(String version, String server, String buildAlgorithm) {
        this.version = version;
        this.server = server;
        this.build = "writes going on while it builds (ALGORITHM=" + buildAlgorithm + ", LOCK=NONE)";
    }

    private boolean mysql() {
        return server.equals("MySQL");
    }

    /** The policy of the server a connection reaches (MariaDB's or MySQL's). */
    public static HazardPolicy of(MariaDbServer.Kind kind) {
        return kind.mysql() ? MYSQL_POLICY : POLICY;
    }

    @Override
    public List<Hazard> hazards(Op op, List<Op> context) {
        // an index or key added to a table the same list creates locks nothing that holds rows
        if ((op instanceof AddForeignKey || op instanceof CreateIndex)
                && context.stream()
                        .anyMatch(other ->
                                other instanceof CreateTable c && c.table().equals(op.table()))) return List.of();
        if (op instanceof AddColumn a) return ColumnHazards.add(a, mysql());
        if (op instanceof AlterColumn a) return ColumnHazards.alter(a, context, mysql());
        if (op instanceof CreateIndex c) return createIndex(c);
        if (op instanceof AddUnique a) return addUnique(a);
        if (op instanceof AddPrimaryKey a) return addPrimaryKey(a);
        if (op instanceof DropPrimaryKey d)
            return List.of(new Hazard(Hazard.Kind.LONG_LOCK, "dropping the primary key of " + d.table() + " " + COPY));
        if (op instanceof AddCheck a) return addCheck(a);
        if (op instanceof AddForeignKey a) return addForeignKey(a);
        if (op instanceof ValidateConstraint v) return validate(v);
        return Plan.hazards(op, context);
    }

    /** A btree or hash index builds while writes go on; FULLTEXT and SPATIAL ones need a shared lock. */
    private List<Hazard> createIndex(CreateIndex op) {
        Index index = op.index();
        String name = index.name() == null ? "" : index.name() + " ";
        if (index.method().equals("fulltext") || index.method().equals("spatial"))
            return List.of(new Hazard(
                    Hazard.Kind.LONG_LOCK,
                    "building " + index.method().toUpperCase(Locale.ROOT) + " index " + name + "on " + op.table()
                            + " (" + columns(index) + ") blocks writes to it (ALGORITHM=INPLACE, LOCK=SHARED):"
                            + " " + server + " has no online build of it"));
        if (!index.unique()) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "building unique index " + name + "on " + op.table() + " (" + columns(index) + ") fails on duplicates, "
                        + build + "; a failed build leaves no index behind"));
    }

    /** A unique constraint is its unique index; {@code USING INDEX}'s was built before, and the constraint runs nothing. */
    private List<Hazard> addUnique(AddUnique op) {
        if (op.options().contains(Option.USING_INDEX)) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "adding unique (" + String.join(", ", op.constraint().columns()) + ") on " + op.table()
                        + " fails on duplicates, " + build));
    }

    /** The clustered index: a new primary key rebuilds the table, in place; {@code USING INDEX}'s rows are proved. */
    private static List<Hazard> addPrimaryKey(AddPrimaryKey op) {
        Hazard rebuild =
                new Hazard(Hazard.Kind.TABLE_REWRITE, "adding the primary key of " + op.table() + " " + REBUILD);
        if (op.options().contains(Option.USING_INDEX)) return List.of(rebuild);
        return List.of(
                rebuild,
                new Hazard(
                        Hazard.Kind.FAILS_ON_DATA,
                        "adding the primary key of " + op.table() + " fails on duplicates or nulls"));
    }

    /**
     * MariaDB 10.11 adds a check only by copying the table, {@code NOT VALID} or not (the online form is written with
     * that lock); the safe {@code SET NOT NULL}'s check runs nothing.
     */
    private List<Hazard> addCheck(AddCheck op) {
        CheckConstraint check = op.constraint();
        if (!check.valid() && OnlineForms.notNullColumn(op.table(), check) != null) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding check " + (check.name() == null ? check.expression() : check.name()) + " on " + op.table() + " "
                        + COPY + " and fails on rows that violate it: " + version + " has no online form for it"));
    }

    /** A key added with {@code foreign_key_checks} on copies the table; the online one reads nothing. */
    private static List<Hazard> addForeignKey(AddForeignKey op) {
        if (!op.key().valid()) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.LONG_LOCK,
                "adding a foreign key on " + op.table() + " ("
                        + String.join(", ", op.key().columns()) + ") " + COPY + " and fails on rows without a match"));
    }

    /** A foreign key's or the safe {@code SET NOT NULL}'s validation reads the rows; a check's runs nothing. */
    private static List<Hazard> validate(ValidateConstraint op) {
        if (op.constraint() instanceof ForeignKey)
            return List.of(new Hazard(
                    Hazard.Kind.FAILS_ON_DATA,
                    "validating a foreign key on " + op.table()
                            + " reads every row without a lock (writes go on) and fails naming rows without a match"));
        String column =
                op.constraint() instanceof CheckConstraint check ? OnlineForms.notNullColumn(op.table(), check) : null;
        if (column == null) return List.of();
        return List.of(new Hazard(
                Hazard.Kind.FAILS_ON_DATA,
                "validating that " + op.table() + "." + column
                        + " holds no null reads every row without a lock (writes go on) and fails if one does"));
    }

    private static String columns(Index index) {
        return index.keys().stream().map(Index.Key::column).collect(Collectors.joining(", "));
    }
}
