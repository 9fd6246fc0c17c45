package dev.retort.mariadb;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.SqlDialect;
import dev.retort.VisibleText;
import dev.retort.diff.OnlineForms;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddEnumCasts;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSchemaComment;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.AlterType;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropType;
import dev.retort.op.DropUnique;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders operations as MariaDB statements, every identifier in backticks: one dispatch here, the
 * statements of each kind of object in {@link TableSql} (a table's column changes as one {@code ALTER
 * TABLE}), {@link ColumnSql}, {@link ConstraintSql}, {@link SequenceSql}, what only {@link TableDetails}
 * holds in {@link DetailSql}; what MariaDB has no form for is refused with an {@link UnsupportedOnDialect}
 * naming the object.
 *
 * <p>A renderer knows the {@link TableDetails} of the database it writes towards ({@link #of}): engine,
 * default character set and collation, {@code ON UPDATE}, virtual generation and key prefix lengths
 * then go into every {@code CREATE TABLE}, added column, {@code MODIFY COLUMN} and index it writes;
 * {@link #DIALECT} knows none and leaves them to the server's defaults. A migration's renderer online is
 * {@link #keeping}: it knows what each live column has ({@link LiveColumns}), and writes it into that column's
 * {@code MODIFY COLUMN} alone. A script's is {@link #readingAtRunTime}: such a {@code MODIFY COLUMN} is a block that
 * reads the same when the script runs ({@link ScriptColumns}).
 *
 * <p>Escaping: an identifier is written {@code `a``b`}, and one holding a line break, control, bidi or
 * other hidden character is refused (backticks have no escapes, so the script could not show it). A
 * string literal doubles its quotes and its backslashes, so it ends where it should whatever {@code
 * sql_mode} says; its value is the one meant without {@code NO_BACKSLASH_ESCAPES} (MariaDB's default,
 * and the notation MariaDB itself prints defaults and {@code ENUM} labels in), a backslash stored doubled
 * with it. Line breaks and tabs stay; other hidden characters are refused.
 */
public final class MariaDbSql implements SqlDialect {
    /** The renderer that knows no table's details: the server's defaults for engine, charset and the rest. */
    public static final SqlDialect DIALECT = new MariaDbSql(Map.of(), Map.of(), null);

    private final Map<QualifiedName, TableDetails> details;
    private final Map<QualifiedName, LiveColumns> live;
    /** The server a script's statements are written for, or null for a statement run online. */
    private final MariaDbServer.Kind atRunTime;

    private final Set<Named> safeNotNull;
    private final Set<DropIndex> leftovers;
    private final Set<IndexName> indexesDropped;
    private final Set<Op> keysWithIdentity;

    /** The columns the operations rewrite ({@code MODIFY}) or drop, which take a column-level check with them. */
    private final Set<Named> rewritten;

    /** The checks the operations drop, their names in lower case. */
    private final Set<Named> checksDropped;

    private MariaDbSql(
            Map<QualifiedName, TableDetails> details,
            Map<QualifiedName, LiveColumns> live,
            MariaDbServer.Kind atRunTime) {
        this(details, live, atRunTime, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    private MariaDbSql(
            Map<QualifiedName, TableDetails> details,
            Map<QualifiedName, LiveColumns> live,
            MariaDbServer.Kind atRunTime,
            Set<Named> safeNotNull,
            Set<DropIndex> leftovers,
            Set<IndexName> indexesDropped,
            Set<Op> keysWithIdentity,
            Set<Named> rewritten,
            Set<Named> checksDropped) {
        this.details = Map.copyOf(requireNonNull(details, "details"));
        this.live = Map.copyOf(requireNonNull(live, "live"));
        this.atRunTime = atRunTime;
        this.safeNotNull = Set.copyOf(safeNotNull);
        this.leftovers = Set.copyOf(leftovers);
        this.indexesDropped = Set.copyOf(indexesDropped);
        this.keysWithIdentity = Set.copyOf(keysWithIdentity);
        this.rewritten = Set.copyOf(rewritten);
        this.checksDropped = Set.copyOf(checksDropped);
    }

    /** The renderer that writes the tables it creates and changes with these details (a catalog's, by table). */
    public static MariaDbSql of(Map<QualifiedName, TableDetails> details) {
        return new MariaDbSql(details, Map.of(), null);
    }

    /**
     * The renderer of a migration's statement about to run: each {@code MODIFY COLUMN} keeps what the live column has
     * and the migration does not name ({@link LiveColumns}, by table: collation, {@code ON UPDATE}, {@code VIRTUAL});
     * what it creates and adds takes the server's defaults, as with {@link #DIALECT}.
     */
    public static MariaDbSql keeping(Map<QualifiedName, LiveColumns> live) {
        return new MariaDbSql(Map.of(), live, null);
    }

    /**
     * The renderer of a script's statement, which has no connection to read the live columns before: a {@code MODIFY
     * COLUMN} that {@link #keeping} would write with what the live column has is a {@code BEGIN NOT ATOMIC} block
     * that reads it from {@code information_schema} when the script runs and runs the statement through {@code
     * EXECUTE IMMEDIATE} ({@link ScriptColumns}); any other statement as {@link #DIALECT} writes it.
     */
    public static MariaDbSql readingAtRunTime() {
        return readingAtRunTime(MariaDbServer.Kind.MARIADB);
    }

    /** The same for a script run on {@code server}: on MySQL, the block in MySQL's SQL ({@link ScriptColumns}). */
    public static MariaDbSql readingAtRunTime(MariaDbServer.Kind server) {
        return new MariaDbSql(Map.of(), Map.of(), requireNonNull(server, "server"));
    }

    /** A {@code CREATE TABLE} with the table's details: engine, charset, collation, ON UPDATE, VIRTUAL, prefixes. */
    public static List<String> create(CreateTable op, TableDetails details) {
        return TableSql.create(op, details);
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public List<String> statements(Op op) {
        if (op instanceof CreateTable c) return TableSql.create(c, details(c.table()));
        if (op instanceof DropTable d) return TableSql.drop(d);
        if (op instanceof AddColumn a) return alterTable(List.of(a));
        if (op instanceof AlterTableComment c) return TableSql.comment(c);
        if (op instanceof AlterTablePersistence p) throw refused("unlogged tables (table " + p.table() + ")");
        if (op instanceof DropColumn d) return alterTable(List.of(d));
        if (op instanceof AddExclusion a) throw refused("exclusion constraints (table " + a.table() + ")");
        if (op instanceof DropExclusion d) throw refused("exclusion constraints (table " + d.table() + ")");
        if (op instanceof AlterColumn a) return alterTable(List.of(a));
        if (keysWithIdentity.contains(op)) return List.of();
        if (op instanceof AddPrimaryKey a)
            return a.options().contains(Option.USING_INDEX)
                    ? OnlineSql.addPrimaryKey(a)
                    : ConstraintSql.addPrimaryKey(a);
        if (op instanceof DropPrimaryKey d) return ConstraintSql.dropPrimaryKey(d);
        // a unique constraint is its unique index on MariaDB: USING INDEX's index, built before, is the constraint
        if (op instanceof AddUnique a)
            return a.options().contains(Option.USING_INDEX)
                    ? List.of()
                    : ConstraintSql.addUnique(a, details(a.table()));
        if (op instanceof DropUnique d) return ConstraintSql.dropUnique(d);
        if (op instanceof AddCheck a) return addCheck(a);
        if (op instanceof DropCheck d)
            return OnlineForms.notNullColumn(d.table(), d.constraint()) != null
                    ? List.of()
                    : ConstraintSql.dropCheck(d, takenByItsColumn(d));
        if (op instanceof AddForeignKey a)
            return a.options().contains(Option.NOT_VALID) ? OnlineSql.addForeignKey(a) : ConstraintSql.addForeignKey(a);
        if (op instanceof DropForeignKey d)
            return ConstraintSql.dropForeignKey(
                    d, !indexesDropped.contains(new IndexName(d.table(), d.key().name())));
        if (op instanceof RenameColumn r) return TableSql.renameColumn(r);
        if (op instanceof RenameTable r) return TableSql.rename(r);
        if (op instanceof CreateIndex c) return createIndex(c);
        if (op instanceof DropIndex d)
            return leftovers.contains(d)
                    ? List.of()
                    : d.options().contains(Option.CONCURRENTLY) ? OnlineSql.dropIndex(d) : ConstraintSql.dropIndex(d);
        if (op instanceof RenameIndex r) return ConstraintSql.renameIndex(r.table(), r.from(), r.to());
        if (op instanceof RenameConstraint r) return ConstraintSql.renameIndex(r.table(), r.from(), r.to());
        if (op instanceof CreateEnum c)
            throw refused("enum types of their own (type " + c.type().name() + ")");
        if (op instanceof DropEnum d)
            throw refused("enum types of their own (type " + d.type().name() + ")");
        if (op instanceof AlterEnum a) throw refused("enum types of their own (type " + a.to().name() + ")");
        if (op instanceof AddEnumCasts a) throw refused("casts of enum types (type " + a.type() + ")");
        if (op instanceof DropEnumCasts d) throw refused("casts of enum types (type " + d.type() + ")");
        if (op instanceof CreateType c)
            throw refused("composite types (type " + c.type().name() + ")");
        if (op instanceof DropType d)
            throw refused("composite types (type " + d.type().name() + ")");
        if (op instanceof AlterType a) throw refused("composite types (type " + a.to().name() + ")");
        if (op instanceof CreateSequence c) return SequenceSql.create(c);
        if (op instanceof DropSequence d) return SequenceSql.drop(d);
        if (op instanceof AlterSequenceOwner o) throw refused("sequence owners (sequence " + o.sequence() + ")");
        if (op instanceof AlterSequence a) return SequenceSql.alter(a);
        if (op instanceof ValidateConstraint v) return validate(v);
        // MariaDB keeps no validity: a constraint is enforced once added, and undoing a validation changes nothing
        if (op instanceof InvalidateConstraint) return List.of();
        if (op instanceof CreateSchema c) throw schemas(c.schema().name());
        if (op instanceof DropSchema d) throw schemas(d.schema().name());
        if (op instanceof AlterSchemaComment a) throw schemas(a.schema());
        throw new AssertionError(op);
    }

    /**
     * One table's column changes as one {@code ALTER TABLE}, comma-separated {@code ADD}, {@code DROP} and {@code
     * MODIFY}; with {@code ALGORITHM=INPLACE, LOCK=NONE} when one of them is a safe {@code SET NOT NULL} of the
     * operations this renderer was made {@link #within}; {@link #readingAtRunTime}'s, in the block that keeps what
     * the live columns have when it changes a column that could lose it.
     */
    @Override
    public List<String> alterTable(List<? extends ColumnChange> changes) {
        if (changes.isEmpty()) throw new IllegalArgumentException("no column changes");
        QualifiedName table = changes.get(0).table();
        KeptColumns kept = atRunTime != null
                ? new ScriptColumns(namesIn(checksDropped, table), atRunTime.mysql())
                : live.get(table);
        String sql = TableSql.alterColumns(changes, details(table), kept).get(0);
        boolean online = changes.stream()
                .anyMatch(c -> c instanceof AlterColumn a
                        && a.setsNotNull()
                        && safeNotNull.contains(new Named(a.table(), a.columnName())));
        if (online) sql += ", " + OnlineSql.ONLINE;
        sql += identityKeyActions(changes);
        return List.of(atRunTime != null ? ScriptColumns.block(table, sql, atRunTime.mysql()) : sql);
    }

    /**
     * This renderer knowing which columns {@code ops} make NOT NULL the safe way ({@code safety = online}: the
     * {@link OnlineForms#notNullCheck} added {@code NOT VALID} before), whose {@code MODIFY} must not block writes, and
     * which {@code DROP INDEX CONCURRENTLY IF EXISTS} drops the leftover of a failed build of the index built right
     * after it: MariaDB's index build is atomic and leaves none, so that drop runs nothing (and, run statement by
     * statement, is never undone by creating the index); and which indexes the operations drop themselves, so that a
     * foreign key's drop leaves those to them.
     */
    @Override
    public SqlDialect within(List<Op> ops) {
        Set<Named> columns = new HashSet<>();
        Set<DropIndex> drops = new HashSet<>();
        Set<IndexName> dropped = new HashSet<>();
        Set<Named> rewrittenColumns = new HashSet<>();
        Set<Named> dropsOfChecks = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op instanceof AlterColumn a) rewrittenColumns.add(Named.lower(a.table(), a.columnName()));
            if (op instanceof DropColumn d)
                rewrittenColumns.add(Named.lower(d.table(), d.column().name()));
            if (op instanceof DropCheck c && c.constraint().name() != null)
                dropsOfChecks.add(Named.lower(c.table(), c.constraint().name()));
            if (op instanceof DropIndex d && d.index().name() != null)
                dropped.add(new IndexName(d.table(), d.index().name()));
            if (op instanceof AddCheck a && !a.constraint().valid()) {
                String column = OnlineForms.notNullColumn(a.table(), a.constraint());
                if (column != null) columns.add(new Named(a.table(), column));
            }
            if (op instanceof DropIndex d
                    && d.options().equals(Set.of(Option.CONCURRENTLY, Option.IF_EXISTS))
                    && i + 1 < ops.size()
                    && ops.get(i + 1) instanceof CreateIndex c
                    && c.options().contains(Option.CONCURRENTLY)
                    && c.table().equals(d.table())
                    && c.index().name() != null
                    && c.index().name().equals(d.index().name())) drops.add(d);
        }
        return new MariaDbSql(
                details, live, atRunTime, columns, drops, dropped, identityKeys(ops), rewrittenColumns, dropsOfChecks);
    }

    /**
     * The primary keys {@code ops} add on an identity column they add, or drop with one they drop: MariaDB refuses an
     * {@code AUTO_INCREMENT} column that is not a key (error 1075), so such a key is added (or dropped) by the
     * column's own statement ({@link #identityKeyActions}), and runs nothing of its own.
     */
    private static Set<Op> identityKeys(List<Op> ops) {
        Set<Op> keys = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) instanceof AddColumn a && a.column().identity() != Identity.NONE)
                for (Op later : ops.subList(i + 1, ops.size()))
                    if (later instanceof AddPrimaryKey k
                            && k.options().isEmpty()
                            && k.table().equals(a.table())
                            && k.key().columns().get(0).equals(a.column().name())) keys.add(k);
            if (ops.get(i) instanceof DropPrimaryKey k && k.options().isEmpty())
                for (Op later : ops.subList(i + 1, ops.size()))
                    if (later instanceof DropColumn d
                            && d.column().identity() != Identity.NONE
                            && d.table().equals(k.table())
                            && k.key().columns().contains(d.column().name())) keys.add(k);
        }
        return keys;
    }

    /** The keys of {@link #identityKeys} that belong in these column changes' statement, as its last actions. */
    private String identityKeyActions(List<? extends ColumnChange> changes) {
        StringBuilder actions = new StringBuilder();
        for (Op key : keysWithIdentity) {
            if (key instanceof AddPrimaryKey k
                    && changes.stream()
                            .anyMatch(c -> c instanceof AddColumn a
                                    && a.table().equals(k.table())
                                    && a.column()
                                            .name()
                                            .equals(k.key().columns().get(0))))
                actions.append(", ADD ").append(ConstraintSql.primaryKey(k.key()));
            if (key instanceof DropPrimaryKey k
                    && changes.stream()
                            .anyMatch(c -> c instanceof DropColumn d
                                    && d.table().equals(k.table())
                                    && k.key().columns().contains(d.column().name())))
                actions.append(", DROP PRIMARY KEY");
        }
        return actions.toString();
    }

    /**
     * A check added {@code NOT VALID}: the safe {@code SET NOT NULL}'s proof is none on MariaDB (the {@code MODIFY}
     * proves it), any other is added by copying the table ({@link OnlineSql#addCheck}).
     */
    private static List<String> addCheck(AddCheck op) {
        if (op.constraint().valid()) return ConstraintSql.addCheck(op);
        return OnlineForms.notNullColumn(op.table(), op.constraint()) != null ? List.of() : OnlineSql.addCheck(op);
    }

    private List<String> createIndex(CreateIndex op) {
        if (!op.options().contains(Option.CONCURRENTLY)) return ConstraintSql.createIndex(op, details(op.table()));
        Set<Option> others = EnumSet.noneOf(Option.class);
        others.addAll(op.options());
        others.remove(Option.CONCURRENTLY);
        CreateIndex plain = new CreateIndex(op.table(), op.index(), others);
        return OnlineSql.createIndex(op, ConstraintSql.createIndex(plain, details(op.table())));
    }

    /**
     * A foreign key's validation, or the safe {@code SET NOT NULL}'s: a statement that fails naming the rows that
     * break it; any other check's, none (MariaDB checked every row when it added it).
     */
    private static List<String> validate(ValidateConstraint op) {
        if (op.constraint() instanceof ForeignKey key) return OnlineSql.validateForeignKey(op, key);
        if (op.constraint() instanceof CheckConstraint check) {
            String column = OnlineForms.notNullColumn(op.table(), check);
            return column != null ? OnlineSql.validateNotNull(op.table(), column) : List.of();
        }
        throw new AssertionError(op);
    }

    /**
     * Whether a check named as a column these operations rewrite or drop may be that column's own (a column-level
     * check, which MariaDB names after its column, can be dropped by no {@code DROP CONSTRAINT}: the column's {@code
     * MODIFY} or {@code DROP} takes it), so that its drop is {@code IF EXISTS}.
     */
    private boolean takenByItsColumn(DropCheck d) {
        String name = d.constraint().name();
        return name != null && rewritten.contains(Named.lower(d.table(), name));
    }

    /** The names {@code named} holds for {@code table}. */
    private static Set<String> namesIn(Set<Named> named, QualifiedName table) {
        return named.stream()
                .filter(n -> n.table().equals(table))
                .map(Named::name)
                .collect(Collectors.toSet());
    }

    /** An index by its table and name. */
    private record IndexName(QualifiedName table, String name) {}

    /** A column (or a check named as one) by its table and name. */
    private record Named(QualifiedName table, String name) {
        /** In lower case, as MariaDB compares column names. */
        static Named lower(QualifiedName table, String name) {
            return new Named(table, name.toLowerCase(Locale.ROOT));
        }
    }

    /** Never: MariaDB has no transactional DDL, and its online forms run as any statement. */
    @Override
    public boolean outsideTransaction(Op op) {
        return false;
    }

    /** False: MariaDB commits before and after every DDL statement. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return quoted(identifier);
    }

    @Override
    public String literal(String value) {
        return text(value);
    }

    /** The details this renderer writes a table with, or null when it knows none. */
    TableDetails details(QualifiedName table) {
        return details.get(table);
    }

    /** An identifier in backticks, each backtick doubled; one holding a hidden character is refused. */
    static String quoted(String identifier) {
        if (VisibleText.hasHidden(identifier))
            throw refused("visible form for the identifier " + VisibleText.of(identifier, false)
                    + ", which holds a hidden character (backticks have no escapes)");
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** A string literal whose quotes and backslashes are doubled: it ends where it should in every {@code sql_mode}. */
    static String text(String value) {
        boolean hidden = value.codePoints().anyMatch(c -> c != '\n' && c != '\t' && VisibleText.hidden(c));
        if (hidden)
            throw refused(
                    "visible form for the string " + VisibleText.of(value, false) + ", which holds a hidden character");
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    static String table(QualifiedName name) {
        return name.schema() == null ? quoted(name.name()) : quoted(name.schema()) + "." + quoted(name.name());
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(MariaDbSql::quoted).collect(Collectors.joining(", "));
    }

    /** SQL text the catalog printed (a default, check, generation expression), refused when it holds a hidden character. */
    static String expression(String sql, String what) {
        if (VisibleText.hasHidden(sql))
            throw refused(
                    "visible form for " + what + " " + VisibleText.of(sql, false) + ", which holds a hidden character");
        return sql;
    }

    private static final Pattern BARE_DEFAULT = Pattern.compile(
            "(?i)[-+]?[0-9]+(\\.[0-9]*)?(e[-+]?[0-9]+)?|null|true|false|[a-z_][a-z0-9_$]*|`[^`]*`|'([^'\\\\]|'')*'");

    private static final Pattern CALLED = Pattern.compile("(?i)[a-z_][a-z0-9_$]*\\s*\\(");

    /**
     * A default's expression as {@code DEFAULT} takes it: bare when MariaDB's grammar takes it bare (a literal, a
     * name, one function call, or already in parentheses), in parentheses otherwise ({@code DEFAULT x + 1} is a
     * syntax error, {@code DEFAULT (x + 1)} is stored as {@code (`x` + 1)}; the parentheses change nothing MariaDB
     * stores for what it takes bare).
     */
    static String defaultExpression(String sql, String what) {
        return defaultExpression(expression(sql, what));
    }

    /** {@link #defaultExpression(String, String)} of text already checked or never run but on a scratch table. */
    static String defaultExpression(String sql) {
        String expression = sql.strip();
        if (BARE_DEFAULT.matcher(expression).matches()) return expression;
        Matcher called = CALLED.matcher(expression);
        int open = called.lookingAt() ? called.end() - 1 : expression.startsWith("(") ? 0 : -1;
        if (open >= 0 && closing(expression, open) == expression.length() - 1) return expression;
        return "(" + expression + ")";
    }

    /**
     * Where the parenthesis at {@code open} closes, skipping quoted text; -1 when it does not, or when a backslash
     * makes the quoting depend on {@code sql_mode}.
     */
    static int closing(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\\') return -1;
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) return -1;
                i = end;
            } else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /** A name MariaDB writes bare (an engine, character set or collation): letters, digits and underscores only. */
    static String word(String name, String what) {
        if (!name.matches("[A-Za-z0-9_]+"))
            throw refused(what + " named " + VisibleText.of(name, false)
                    + " (its names are letters, digits and underscores)");
        return name;
    }

    static UnsupportedOnDialect refused(String what) {
        return new UnsupportedOnDialect(Dialect.MARIADB, what);
    }

    private static UnsupportedOnDialect schemas(String schema) {
        return refused(
                "schemas as objects inside a database (schema " + schema + "): a MariaDB URL names its one database");
    }
}
