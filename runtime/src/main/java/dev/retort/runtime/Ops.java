package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

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
import dev.retort.op.Using;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.EnumType;
import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Namespace;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableComment;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.Unlogged;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operations a migration asks for, in the style of Alembic's {@code op}: each call records one
 * {@link Op}, the same records the differ produces; nothing runs until the runner renders them.
 *
 * <p>Table names are in the default schema; {@code op.schema("sales").addColumn(...)} names a table
 * in another one. {@link #alterTable} runs a table's column changes as one statement, {@link #execute}
 * adds hand-written SQL, and {@link #autocommit} runs statements that PostgreSQL refuses inside a
 * transaction.
 */
public final class Ops {
    private final List<Step> recorded;
    private final String schema;
    private final boolean inAutocommit;

    public Ops() {
        this(new ArrayList<>(), null, false);
    }

    private Ops(List<Step> recorded, String schema, boolean inAutocommit) {
        this.recorded = recorded;
        this.schema = schema;
        this.inAutocommit = inAutocommit;
    }

    /** A column of the given name and PostgreSQL type, nullable until {@code .notNull()}. */
    public static Column column(String name, String type) {
        return Column.of(name, type);
    }

    /** A primary key over the given columns, in key order. */
    public static PrimaryKey primaryKey(String... columns) {
        return PrimaryKey.of(columns);
    }

    /** A unique constraint over the given columns, in order; {@code .named("x")} names it. */
    public static UniqueConstraint unique(String... columns) {
        return UniqueConstraint.of(columns);
    }

    /** A check constraint over a boolean SQL expression; {@code .named("x")} names it. */
    public static CheckConstraint check(String expression) {
        return CheckConstraint.of(expression);
    }

    /** The start of a foreign key: {@code foreignKey("author_id").references("authors", "id")}. */
    public static ForeignKey.Columns foreignKey(String... columns) {
        return ForeignKey.Columns.of(columns);
    }

    /** An index over columns, ascending; {@code .asUnique()}, {@code .using("gin")}, {@code .where(...)} refine it. */
    public static Index index(String... columns) {
        return Index.on(columns);
    }

    /** An index over keys with their own sort orders, e.g. {@code index(key("title").desc(), key("code"))}. */
    public static Index index(Index.Key... keys) {
        return Index.of(List.of(keys));
    }

    /** An index key: a column name, or an expression in parentheses. */
    public static Index.Key key(String column) {
        return Index.Key.of(column);
    }

    /** A table's comment, as an element of {@code createTable}. */
    public static TableComment tableComment(String text) {
        return new TableComment(text);
    }

    /** An unlogged table's persistence, as an element of {@code createTable} ({@code CREATE UNLOGGED TABLE}). */
    public static Unlogged unlogged() {
        return new Unlogged();
    }

    /** An enum type with its labels, in sort order. */
    public static EnumType enumType(String name, String... values) {
        return EnumType.of(name, values);
    }

    /** A composite type ({@code @Struct}) with its attributes, in their order. */
    public static CompositeType compositeType(String name, Attribute... attributes) {
        return CompositeType.of(name, attributes);
    }

    /** An attribute of a composite type; {@code .collate(...)} gives it a collation. */
    public static Attribute attribute(String name, String type) {
        return Attribute.of(name, type);
    }

    /** The column owning a sequence ({@code OWNED BY table.column}). */
    public static Sequence.Owner owner(String table, String column) {
        return new Sequence.Owner(table, column);
    }

    /** A standalone sequence. */
    public static Sequence sequence(String name, long start, long increment) {
        return Sequence.of(name, start, increment);
    }

    /** The same recorder, naming tables in {@code schemaName}. */
    public Ops schema(String schemaName) {
        return new Ops(recorded, requireNonNull(schemaName, "schemaName"), inAutocommit);
    }

    public void createTable(String table, TableElement... elements) {
        add(new CreateTable(Table.of(name(table), List.of(elements))));
    }

    /** Drops a table; the elements describe it as it is, so that it can be created again. */
    public void dropTable(String table, TableElement... elements) {
        add(new DropTable(Table.of(name(table), List.of(elements))));
    }

    /** Adds a column; {@code Option.IF_NOT_EXISTS} makes it {@code ADD COLUMN IF NOT EXISTS}. */
    public void addColumn(String table, Column column, Option... options) {
        add(new AddColumn(name(table), column, Set.of(options)));
    }

    /**
     * Drops a column; the column describes it as it is, so that it can be added again;
     * {@code Option.IF_EXISTS} makes it {@code DROP COLUMN IF EXISTS}.
     */
    public void dropColumn(String table, Column column, Option... options) {
        add(new DropColumn(name(table), column, Set.of(options)));
    }

    /**
     * Runs the block's column changes of one table as one {@code ALTER TABLE}, so that they take
     * one lock and rewrite the table at most once:
     * {@code op.alterTable("orders", t -> { t.alterColumn(...); t.addColumn(...); })}.
     */
    public void alterTable(String table, Consumer<AlterTable> block) {
        AlterTable changes = new AlterTable(name(table));
        block.accept(changes);
        recorded.add(changes.step());
    }

    /** Sets a column's type and default again, as they are: what a comparison hook's "different" verdict asks for. */
    public void reapplyColumn(String table, Column from, Column to) {
        add(new AlterColumn(name(table), from, to, true));
    }

    /** Changes a column from its current definition to a new one of the same name. */
    public void alterColumn(String table, Column from, Column to) {
        add(new AlterColumn(name(table), from, to));
    }

    /**
     * Changes a column's type with a conversion written by hand, for a type PostgreSQL has no cast
     * to: {@code Using.of("to_timestamp(seen)")}; {@code Using.TO_BE_WRITTEN}, what
     * autogenerate writes, fails before anything changes, naming the table and column.
     */
    public void alterColumn(String table, Column from, Column to, Using using) {
        add(new AlterColumn(name(table), from, to, false, requireNonNull(using, "using")));
    }

    /**
     * Adds a primary key; {@code Option.USING_INDEX} makes it from the unique index of the key's name
     * (built before, {@code CONCURRENTLY}), so nothing is built under the lock.
     */
    public void addPrimaryKey(String table, PrimaryKey key, Option... options) {
        add(new AddPrimaryKey(name(table), key, Set.of(options)));
    }

    /** Drops a primary key; {@code Option.USING_INDEX} only says how the reverse adds it. */
    public void dropPrimaryKey(String table, PrimaryKey key, Option... options) {
        add(new DropPrimaryKey(name(table), key, Set.of(options)));
    }

    /** Adds a unique constraint; {@code Option.USING_INDEX} as for {@link #addPrimaryKey}. */
    public void addUnique(String table, UniqueConstraint constraint, Option... options) {
        add(new AddUnique(name(table), constraint, Set.of(options)));
    }

    /** Drops a unique constraint (and its index); {@code Option.USING_INDEX} only says how the reverse adds it. */
    public void dropUnique(String table, UniqueConstraint constraint, Option... options) {
        add(new DropUnique(name(table), constraint, Set.of(options)));
    }

    /** Adds a check; {@code check(...).notValid()} skips checking the rows already there (validate later). */
    public void addCheck(String table, CheckConstraint constraint) {
        add(new AddCheck(name(table), constraint));
    }

    public void dropCheck(String table, CheckConstraint constraint) {
        add(new DropCheck(name(table), constraint));
    }

    /**
     * Adds a foreign key; {@code Option.NOT_VALID} (or {@code .notValid()} on the key) skips checking
     * the rows already there (validate later with {@link #validateConstraint(String, ForeignKey)},
     * under a weaker lock).
     */
    public void addForeignKey(String table, ForeignKey key, Option... options) {
        add(new AddForeignKey(name(table), key, Set.of(options)));
    }

    /** Drops a foreign key; {@code Option.NOT_VALID} makes the reverse add it NOT VALID. */
    public void dropForeignKey(String table, ForeignKey key, Option... options) {
        add(new DropForeignKey(name(table), key, Set.of(options)));
    }

    /** Validates a {@code NOT VALID} check: {@code VALIDATE CONSTRAINT}, whose reverse drops it and adds it again {@code NOT VALID}. */
    public void validateConstraint(String table, CheckConstraint constraint) {
        add(new ValidateConstraint(name(table), constraint));
    }

    /** Validates a {@code NOT VALID} foreign key, as for a check. */
    public void validateConstraint(String table, ForeignKey key) {
        add(new ValidateConstraint(name(table), key));
    }

    /** Makes a valid check {@code NOT VALID} again: dropped and added again {@code NOT VALID}. */
    public void invalidateConstraint(String table, CheckConstraint constraint) {
        add(new InvalidateConstraint(name(table), constraint));
    }

    /** Makes a valid foreign key {@code NOT VALID} again, as for a check. */
    public void invalidateConstraint(String table, ForeignKey key) {
        add(new InvalidateConstraint(name(table), key));
    }

    /** Makes a table unlogged ({@code ALTER TABLE ... SET UNLOGGED}); the reverse is {@link #setLogged}. Rewrites the table. */
    public void setUnlogged(String table) {
        add(new AlterTablePersistence(name(table), true));
    }

    /** Makes an unlogged table permanent ({@code ALTER TABLE ... SET LOGGED}); the reverse is {@link #setUnlogged}. Rewrites the table. */
    public void setLogged(String table) {
        add(new AlterTablePersistence(name(table), false));
    }

    /** Adds an exclusion constraint: {@code addExclusion("booking", "no_overlap", "USING gist (room WITH =, during WITH &&)")}. */
    public void addExclusion(String table, String name, String definition) {
        add(new AddExclusion(name(table), new ExclusionConstraint(name, definition)));
    }

    /** Drops an exclusion constraint; the definition is what the reverse adds. */
    public void dropExclusion(String table, String name, String definition) {
        add(new DropExclusion(name(table), new ExclusionConstraint(name, definition)));
    }

    /** Changes a table's comment; null for none. */
    public void alterTableComment(String table, String from, String to) {
        add(new AlterTableComment(name(table), from, to));
    }

    /** Renames a column, keeping its data. */
    public void renameColumn(String table, String from, String to) {
        add(new RenameColumn(name(table), from, to));
    }

    /** Renames a table within its schema, keeping its rows. */
    public void renameTable(String table, String to) {
        add(new RenameTable(name(table), to));
    }

    /**
     * Creates an index; {@code Option.CONCURRENTLY} builds it without blocking writes, outside the
     * migration's transaction (what ran before is committed first), {@code Option.IF_NOT_EXISTS}
     * skips an index of that name that already exists.
     */
    public void createIndex(String table, Index index, Option... options) {
        add(new CreateIndex(name(table), index, Set.of(options)));
    }

    /** Renames a constraint of a table ({@code ALTER TABLE ... RENAME CONSTRAINT}; a unique constraint's index with it). */
    public void renameConstraint(String table, String from, String to) {
        add(new RenameConstraint(name(table), from, to));
    }

    /** Renames an index of a table ({@code ALTER INDEX ... RENAME TO}), keeping it built. */
    public void renameIndex(String table, String from, String to) {
        add(new RenameIndex(name(table), from, to));
    }

    /** Drops an index; {@code Option.CONCURRENTLY} (outside the transaction) and {@code Option.IF_EXISTS} as for {@link #createIndex}. */
    public void dropIndex(String table, Index index, Option... options) {
        add(new DropIndex(name(table), index, Set.of(options)));
    }

    public void createEnum(EnumType type) {
        add(new CreateEnum(inSchema(type)));
    }

    /** Drops an enum type; the type describes it as it is, so that it can be created again. */
    public void dropEnum(EnumType type) {
        add(new DropEnum(inSchema(type)));
    }

    /** Changes an enum type's labels: added in place, or the type rebuilt when labels go or move. */
    public void alterEnum(EnumType from, EnumType to) {
        add(new AlterEnum(inSchema(from), inSchema(to)));
    }

    /**
     * Adds implicit {@code WITH INOUT} casts between an enum type and {@code varchar}, as Hibernate's
     * schema export creates them beside a named enum: the casts given, or both when none is.
     */
    public void addEnumCasts(String type, EnumType.Cast... casts) {
        add(new AddEnumCasts(name(type), castsOrBoth(casts)));
    }

    /** Drops casts between an enum type and {@code varchar}: the casts given, or both when none is. */
    public void dropEnumCasts(String type, EnumType.Cast... casts) {
        add(new DropEnumCasts(name(type), castsOrBoth(casts)));
    }

    private static Set<EnumType.Cast> castsOrBoth(EnumType.Cast... casts) {
        return casts.length == 0 ? EnumSet.allOf(EnumType.Cast.class) : Set.of(casts);
    }

    private EnumType inSchema(EnumType type) {
        return schema == null ? type : type.inSchema(schema);
    }

    /** Creates a composite type, before the tables that use it. */
    public void createType(CompositeType type) {
        add(new CreateType(inSchema(type)));
    }

    /** Drops a composite type; the type describes it as it is, so that it can be created again. */
    public void dropType(CompositeType type) {
        add(new DropType(inSchema(type)));
    }

    /**
     * Changes a composite type's attributes in one {@code ALTER TYPE}: attributes dropped, retyped,
     * added at the end ({@link AlterType}).
     */
    public void alterType(CompositeType from, CompositeType to) {
        add(new AlterType(inSchema(from), inSchema(to)));
    }

    private CompositeType inSchema(CompositeType type) {
        return schema == null ? type : type.inSchema(schema);
    }

    /** Creates a schema, before the objects in it. */
    public void createSchema(String name) {
        createSchema(name, null);
    }

    /** Creates a schema with a comment ({@code null} for none). */
    public void createSchema(String name, String comment) {
        add(new CreateSchema(Namespace.of(name).comment(comment)));
    }

    /** Drops an empty schema (never {@code CASCADE}: one that still holds anything makes it fail). */
    public void dropSchema(String name) {
        dropSchema(name, null);
    }

    /** Drops an empty schema; the comment describes it as it is, so that it can be created again. */
    public void dropSchema(String name, String comment) {
        add(new DropSchema(Namespace.of(name).comment(comment)));
    }

    /** Sets, changes or removes a schema's comment ({@code null} for none). */
    public void alterSchemaComment(String name, String from, String to) {
        add(new AlterSchemaComment(name, from, to));
    }

    public void createSequence(Sequence sequence) {
        add(new CreateSequence(inSchema(sequence)));
    }

    /** Drops a sequence; the sequence describes it as it is, so that it can be created again. */
    public void dropSequence(Sequence sequence) {
        add(new DropSequence(inSchema(sequence)));
    }

    public void alterSequence(Sequence from, Sequence to) {
        add(new AlterSequence(inSchema(from), inSchema(to)));
    }

    /**
     * Gives sequence {@code name} an owning column, or takes it away (one of {@code from} and
     * {@code to} is null); the owner is in the sequence's schema.
     */
    public void alterSequenceOwner(String name, Sequence.Owner from, Sequence.Owner to) {
        add(new AlterSequenceOwner(new QualifiedName(schema, name), from, to));
    }

    private Sequence inSchema(Sequence sequence) {
        return schema == null ? sequence : sequence.inSchema(schema);
    }

    /** Records an operation built elsewhere. */
    public void add(Op op) {
        recorded.add(new Step.Change(op));
    }

    /**
     * Runs a statement the generator does not produce (a data fix, a backfill), in the migration's
     * transaction like every other operation. The SQL is trusted: it is part of the migration.
     */
    public void execute(String sql) {
        recorded.add(new Step.Sql(sql));
    }

    /**
     * Runs the block's statements outside any transaction, one by one, for what PostgreSQL refuses
     * inside one ({@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, some
     * {@code ALTER TYPE ... ADD VALUE}). What the migration did before the block is committed
     * first, so give such statements a migration of their own.
     */
    public void autocommit(Consumer<Ops> block) {
        if (inAutocommit) throw new IllegalStateException("autocommit blocks do not nest");
        Ops inner = new Ops(new ArrayList<>(), schema, true);
        block.accept(inner);
        recorded.add(new Step.Autocommit(inner.recorded));
    }

    /** The schema operations recorded, in call order, including those inside autocommit blocks. */
    public List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        collect(recorded, ops);
        return List.copyOf(ops);
    }

    private static void collect(List<Step> steps, List<Op> into) {
        for (Step step : steps) {
            if (step instanceof Step.Change c) into.add(c.op());
            if (step instanceof Step.ColumnChanges c) into.addAll(c.changes());
            if (step instanceof Step.Autocommit a) collect(a.steps(), into);
        }
    }

    /** Everything recorded, in call order. */
    public List<Step> steps() {
        return List.copyOf(recorded);
    }

    private QualifiedName name(String table) {
        return new QualifiedName(schema, table);
    }
}
