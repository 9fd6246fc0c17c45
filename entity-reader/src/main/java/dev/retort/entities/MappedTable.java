package dev.retort.entities;

import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * One table as Hibernate maps it, in plain values (names as PostgreSQL folds them, SQL as Hibernate
 * writes it) for {@link SchemaAssembler}.
 */
record MappedTable(Table table, HibernateMapping mapping) {
    /** A unique constraint: its name when the mapping gave one, its columns in order. */
    record MappedUnique(String name, List<String> columns) {}

    /** A check constraint: its name when the mapping gave one, its expression as Hibernate writes it. */
    record MappedCheck(String name, String expression) {}

    /**
     * An index on columns: its name (and whether Hibernate made it up), its columns in key order,
     * those sorted descending, and whether it is unique.
     */
    record MappedIndex(
            String name, List<String> columns, Set<String> descending, boolean unique, boolean implicitName) {}

    /**
     * The name Hibernate gives an {@code @Index} without one: {@code IDX} and the MD5 of the table
     * and columns in base 35 (its {@code NamingHelper.generateHashedConstraintName}), folded to lower
     * case; the mapping keeps no mark of a name being given, so the form is what tells.
     */
    private static final Pattern HASHED_INDEX_NAME = Pattern.compile("(?i)idx[0-9a-y]{20,25}");

    /** A foreign key: its name, columns, the table and columns it references, and its {@code @OnDelete} action. */
    record MappedForeignKey(
            String name,
            List<String> columns,
            QualifiedName target,
            List<String> targetColumns,
            OnDeleteAction onDelete) {}

    QualifiedName name() {
        return mapping.name(table);
    }

    private String name(Column column) {
        return mapping.name(column);
    }

    private List<String> names(List<Column> columns) {
        return columns.stream().map(this::name).toList();
    }

    String comment() {
        return table.getComment();
    }

    /** Every column, system columns included. */
    List<MappedColumn> columns() {
        return table.getColumns().stream()
                .map(column -> new MappedColumn(column, mapping.metadata()))
                .toList();
    }

    /** The primary key's columns in key order; empty when the table has none. */
    List<String> primaryKey() {
        return table.hasPrimaryKey() ? names(table.getPrimaryKey().getColumns()) : List.of();
    }

    /**
     * The primary key's name when the mapping gave one, else null: Hibernate 7 names the key after a
     * {@code @UniqueConstraint} (or orm.xml's {@code <unique-constraint>}) with a name on exactly the key's
     * columns, and writes {@code constraint <name> primary key (...)}.
     */
    String primaryKeyName() {
        if (!table.hasPrimaryKey()) return null;
        UniqueKey named = table.getPrimaryKey().getOrderingUniqueKey();
        return named == null || !named.isNameExplicit() ? null : mapping.fold(named.getName());
    }

    /**
     * Column-level {@code unique} and {@code @UniqueConstraint}s, one per column list; a name is kept
     * only when the mapping gave one, since Hibernate's own are made up and never compared.
     */
    List<MappedUnique> uniques() {
        Map<List<String>, MappedUnique> byColumns = new LinkedHashMap<>();
        for (UniqueKey key : table.getUniqueKeys().values()) {
            List<String> columns = names(key.getColumns());
            byColumns.putIfAbsent(columns, new MappedUnique(key.isNameExplicit() ? key.getName() : null, columns));
        }
        for (Column column : table.getColumns()) {
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                List<String> columns = List.of(name(column));
                byColumns.putIfAbsent(columns, new MappedUnique(null, columns));
            }
        }
        return List.copyOf(byColumns.values());
    }

    /**
     * {@code @Check}s on the table and checks on columns, including those Hibernate derives from
     * {@code @Enumerated}; expressions as Hibernate writes them, to be compared through PostgreSQL.
     */
    List<MappedCheck> checks() {
        List<MappedCheck> checks = new ArrayList<>();
        for (CheckConstraint check : table.getChecks()) checks.add(check(check));
        for (Column column : table.getColumns()) checks.addAll(columnChecks(column));
        return checks;
    }

    /**
     * A column's checks as Hibernate's DDL writes them: its anonymous ones as one check, joined with
     * {@code and} ({@code @Min} and {@code @Max} on one column give one) in a fixed order, its named ones apart.
     */
    private List<MappedCheck> columnChecks(Column column) {
        List<MappedCheck> checks = new ArrayList<>();
        List<CheckConstraint> anonymous = new ArrayList<>();
        for (CheckConstraint check : column.getCheckConstraints()) {
            if (check.isAnonymous()) anonymous.add(check);
            else checks.add(check(check));
        }
        if (anonymous.size() == 1) checks.add(0, check(anonymous.get(0)));
        if (anonymous.size() > 1) {
            // sorted: Hibernate's own order of a column's constraints changes from run to run
            List<String> parts = anonymous.stream()
                    .map(CheckConstraint::getConstraintInParens)
                    .sorted()
                    .toList();
            checks.add(0, new MappedCheck(null, String.join(" and ", parts)));
        }
        return checks;
    }

    private MappedCheck check(CheckConstraint check) {
        String name = check.isNamed() ? mapping.fold(check.getName()) : null;
        return new MappedCheck(name, check.getConstraint());
    }

    /** {@code @Index}es on columns, with their sort order; unique ones are unique constraints in Hibernate's model. */
    List<MappedIndex> indexes() {
        List<MappedIndex> indexes = new ArrayList<>();
        for (Index index : table.getIndexes().values()) {
            Map<Selectable, String> order = index.getSelectableOrderMap();
            List<String> columns = new ArrayList<>();
            Set<String> descending = new LinkedHashSet<>();
            for (Selectable selectable : index.getSelectables()) {
                if (!(selectable instanceof Column column)) continue;
                columns.add(name(column));
                if ("desc".equalsIgnoreCase(order.get(selectable))) descending.add(name(column));
            }
            if (columns.isEmpty()) continue;
            String name = index.getName() == null ? null : mapping.fold(index.getName());
            boolean implicitName =
                    name != null && HASHED_INDEX_NAME.matcher(name).matches();
            indexes.add(new MappedIndex(name, columns, descending, index.isUnique(), implicitName));
        }
        return indexes;
    }

    /** The foreign keys Hibernate would create, to tables it would create. */
    List<MappedForeignKey> foreignKeys() {
        List<MappedForeignKey> keys = new ArrayList<>();
        for (ForeignKey key : table.getForeignKeys().values()) {
            Table target = key.getReferencedTable();
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint() || !HibernateMapping.isPhysical(target))
                continue;
            List<String> referenced = key.isReferenceToPrimaryKey()
                    ? names(target.getPrimaryKey().getColumns())
                    : names(key.getReferencedColumns());
            String name = key.getName() == null ? null : mapping.fold(key.getName());
            keys.add(new MappedForeignKey(
                    name, names(key.getColumns()), mapping.name(target), referenced, key.getOnDeleteAction()));
        }
        return keys;
    }
}
