package dev.retort.lint.internal;

import dev.retort.mariadb.ForeignKeyTracker;
import dev.retort.mariadb.ForeignKeyTracker.TableMatch;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateTable;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables a history of migrations has made, as far as lint needs them: their columns (when the operations said
 * them), the {@code CHECK (c IS NOT NULL)} constraints on them and which are validated, which table each named
 * index is on, and the foreign keys the operations made (a {@link ForeignKeyTracker}; those SQL makes are not known).
 */
public final class SchemaState {
    /** One table: columns by name (empty when created by hand-written SQL), its not-null checks by key. */
    static final class TableState {
        final Map<String, Column> columns = new LinkedHashMap<>();
        final Map<String, String> notNullChecks = new HashMap<>();
        final Set<String> validated = new HashSet<>();

        boolean hasValidatedNotNullCheck(String column) {
            return notNullChecks.entrySet().stream()
                    .anyMatch(e -> e.getValue().equals(column) && validated.contains(e.getKey()));
        }
    }

    private final Map<QualifiedName, TableState> tables = new HashMap<>();
    private final Map<String, QualifiedName> indexes = new HashMap<>();
    private final ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME_AND_SCHEMA, List.of());

    /**
     * The foreign keys the migrations made, as far as lint knows them: the drops and renames of the SQL lint reads are
     * followed too; after SQL it could not read, whose effect on them is unknown, they are forgotten
     * ({@code forgetKeys}) and reported on no more.
     */
    ForeignKeyTracker keys() {
        return keys;
    }

    boolean has(QualifiedName table) {
        return tables.containsKey(table);
    }

    TableState table(QualifiedName table) {
        return tables.get(table);
    }

    /** The table an index of that name was created on, or null when the history does not say. */
    QualifiedName indexTable(String index) {
        return indexes.get(index);
    }

    void create(QualifiedName table, List<Column> columns) {
        TableState state = new TableState();
        for (Column column : columns) state.columns.put(column.name(), column);
        tables.put(table, state);
    }

    void drop(QualifiedName table) {
        tables.remove(table);
        keys.dropTable(table);
    }

    void rename(QualifiedName table, String to) {
        TableState state = tables.remove(table);
        if (state != null) tables.put(new QualifiedName(table.schema(), to), state);
        keys.renameTable(table, to);
    }

    void index(String name, QualifiedName table) {
        if (name != null) indexes.put(name, table);
    }

    void addNotNullCheck(QualifiedName table, String key, String column, boolean valid) {
        TableState state = tables.get(table);
        if (state == null) return;
        state.notNullChecks.put(key, column);
        if (valid) state.validated.add(key);
    }

    void validate(QualifiedName table, String key) {
        TableState state = tables.get(table);
        if (state != null) state.validated.add(key);
    }

    void dropCheck(QualifiedName table, String key) {
        TableState state = tables.get(table);
        if (state == null) return;
        state.notNullChecks.remove(key);
        state.validated.remove(key);
    }

    /** The key a check is known by: its name, else its expression (an unnamed check's name is PostgreSQL's). */
    static String checkKey(CheckConstraint check) {
        return check.name() != null ? check.name() : "(" + check.expression() + ")";
    }

    /** Applies one operation of the DSL. */
    void apply(Op op) {
        if (op instanceof CreateTable c) {
            create(c.table(), c.definition().columns());
            for (CheckConstraint check : c.definition().checks()) addCheck(c.table(), check);
            for (var index : c.definition().indexes()) index(index.name(), c.table());
            keys.apply(c);
        } else if (op instanceof AddForeignKey || op instanceof DropForeignKey) {
            keys.apply(op);
        } else if (op instanceof DropTable d) {
            drop(d.table());
        } else if (op instanceof RenameTable r) {
            rename(r.table(), r.to());
        } else if (op instanceof AddColumn a && tables.containsKey(a.table())) {
            tables.get(a.table()).columns.put(a.column().name(), a.column());
        } else if (op instanceof DropColumn d && tables.containsKey(d.table())) {
            tables.get(d.table()).columns.remove(d.column().name());
            keys.apply(d);
        } else if (op instanceof AlterColumn a && tables.containsKey(a.table())) {
            tables.get(a.table()).columns.put(a.to().name(), a.to());
        } else if (op instanceof RenameColumn r) {
            keys.apply(r);
            if (!tables.containsKey(r.table())) return;
            TableState renamed = tables.get(r.table());
            Column column = renamed.columns.remove(r.from());
            if (column != null) renamed.columns.put(r.to(), column);
            // a check follows its column, as in PostgreSQL
            renamed.notNullChecks.replaceAll((key, checked) -> checked.equals(r.from()) ? r.to() : checked);
        } else if (op instanceof AddCheck a) {
            addCheck(a.table(), a.constraint());
        } else if (op instanceof DropCheck d) {
            dropCheck(d.table(), checkKey(d.constraint()));
        } else if (op instanceof ValidateConstraint v && v.constraint() instanceof CheckConstraint check) {
            validate(v.table(), checkKey(check));
        } else if (op instanceof CreateIndex c) {
            index(c.index().name(), c.table());
        }
    }

    private void addCheck(QualifiedName table, CheckConstraint check) {
        String column = NotNullCheck.column(check.expression());
        if (column != null) addNotNullCheck(table, checkKey(check), column, check.valid());
    }
}
