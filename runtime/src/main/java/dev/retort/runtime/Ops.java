package dev.retort.runtime;

import static java.util.Objects.requireNonNull;

import dev.retort.op.AddColumn;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations a migration asks for, in the style of Alembic's {@code op}: each call records one
 * {@link Op}, the same records the differ produces; nothing runs until the runner renders them.
 *
 * <p>Table names are in the default schema; {@code op.schema("sales").addColumn(...)} names a table
 * in another one.
 */
public final class Ops {
    private final List<Op> recorded;
    private final String schema;

    public Ops() {
        this(new ArrayList<>(), null);
    }

    private Ops(List<Op> recorded, String schema) {
        this.recorded = recorded;
        this.schema = schema;
    }

    /** A column of the given name and PostgreSQL type, nullable until {@code .notNull()}. */
    public static Column column(String name, String type) {
        return new Column(name, type);
    }

    /** A primary key over the given columns, in key order. */
    public static PrimaryKey primaryKey(String... columns) {
        return PrimaryKey.of(columns);
    }

    /** The same recorder, naming tables in {@code schemaName}. */
    public Ops schema(String schemaName) {
        return new Ops(recorded, requireNonNull(schemaName, "schemaName"));
    }

    public void createTable(String table, TableElement... elements) {
        add(new CreateTable(Table.of(name(table), List.of(elements))));
    }

    /** Drops a table; the elements describe it as it is, so that it can be created again. */
    public void dropTable(String table, TableElement... elements) {
        add(new DropTable(Table.of(name(table), List.of(elements))));
    }

    public void addColumn(String table, Column column) {
        add(new AddColumn(name(table), column));
    }

    /** Drops a column; the column describes it as it is, so that it can be added again. */
    public void dropColumn(String table, Column column) {
        add(new DropColumn(name(table), column));
    }

    /** Changes a column from its current definition to a new one of the same name. */
    public void alterColumn(String table, Column from, Column to) {
        add(new AlterColumn(name(table), from, to));
    }

    public void addPrimaryKey(String table, PrimaryKey key) {
        add(new AddPrimaryKey(name(table), key));
    }

    public void dropPrimaryKey(String table, PrimaryKey key) {
        add(new DropPrimaryKey(name(table), key));
    }

    /** Records an operation built elsewhere. */
    public void add(Op op) {
        recorded.add(requireNonNull(op, "op"));
    }

    /** What has been recorded, in call order. */
    public List<Op> operations() {
        return List.copyOf(recorded);
    }

    private TableName name(String table) {
        return new TableName(schema, table);
    }
}
