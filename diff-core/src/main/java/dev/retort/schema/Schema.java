package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables, standalone sequences, enum types and composite types of one database, or of one entity
 * model, sorted by name; the schemas other than the default one, as objects ({@link Namespace}), or null
 * when this schema does not model them (one built by hand: a plan to it creates and drops no schema); and the tables a database holds outside Retort's scope, each with what it is ({@code "a
 * partition of measurements"}): partitions, partitioned tables and inheritance children, which are
 * never compared, and which a plan may not drop or create a table in place of.
 */
public record Schema(
        List<Table> tables,
        List<Sequence> sequences,
        List<EnumType> enums,
        List<CompositeType> types,
        Map<QualifiedName, String> outsideScope,
        List<Namespace> namespaces) {
    public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of());

    public Schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enums) {
        this(tables, sequences, enums, List.of(), Map.of());
    }

    public Schema(
            List<Table> tables,
            List<Sequence> sequences,
            List<EnumType> enums,
            Map<QualifiedName, String> outsideScope) {
        this(tables, sequences, enums, List.of(), outsideScope);
    }

    public Schema(
            List<Table> tables,
            List<Sequence> sequences,
            List<EnumType> enums,
            List<CompositeType> types,
            Map<QualifiedName, String> outsideScope) {
        this(tables, sequences, enums, types, outsideScope, null);
    }

    public Schema(List<Table> tables) {
        this(tables, List.of(), List.of());
    }

    public Schema(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, List.of());
    }

    public Schema {
        List<Table> sorted = new ArrayList<>(requireNonNull(tables, "tables"));
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        Set<QualifiedName> names = new HashSet<>();
        for (Table table : sorted) {
            if (!names.add(table.name())) throw new IllegalArgumentException("duplicate table " + table.name());
        }
        tables = List.copyOf(sorted);
        List<Sequence> sortedSequences = new ArrayList<>(requireNonNull(sequences, "sequences"));
        sortedSequences.sort(null);
        sequences = List.copyOf(sortedSequences);
        List<EnumType> sortedEnums = new ArrayList<>(requireNonNull(enums, "enums"));
        sortedEnums.sort(null);
        enums = List.copyOf(sortedEnums);
        List<CompositeType> sortedTypes = new ArrayList<>(requireNonNull(types, "types"));
        sortedTypes.sort(null);
        types = List.copyOf(sortedTypes);
        outsideScope = Map.copyOf(requireNonNull(outsideScope, "outsideScope"));
        if (namespaces != null) {
            List<Namespace> sortedNamespaces = new ArrayList<>(namespaces);
            sortedNamespaces.sort(null);
            namespaces = List.copyOf(sortedNamespaces);
        }
    }

    /**
     * This schema with other tables, sequences and enum types, its composite types, the tables
     * outside the scope and its schemas kept.
     */
    public Schema with(List<Table> newTables, List<Sequence> newSequences, List<EnumType> newEnums) {
        return new Schema(newTables, newSequences, newEnums, types, outsideScope, namespaces);
    }

    /** This schema with these composite types. */
    public Schema withTypes(List<CompositeType> newTypes) {
        return new Schema(tables, sequences, enums, newTypes, outsideScope, namespaces);
    }

    /** This schema with these schemas (as objects: the schemas other than the default one; null for not modelled). */
    public Schema withNamespaces(List<Namespace> newNamespaces) {
        return new Schema(tables, sequences, enums, types, outsideScope, newNamespaces);
    }

    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** This schema without the given tables (and the sequences they own). */
    public Schema withoutTables(Set<QualifiedName> names) {
        if (tables.stream().noneMatch(t -> names.contains(t.name()))) return this;
        return with(
                tables.stream().filter(t -> !names.contains(t.name())).toList(),
                sequences.stream()
                        .filter(s -> s.ownedBy() == null || !names.contains(s.ownerTable()))
                        .toList(),
                enums);
    }

    /**
     * This schema with every table's columns sorted by name and constraint names dropped: the form
     * in which two schemas are "the same" for a user, since column order cannot be migrated and
     * constraints are compared by what they constrain; the schemas themselves are left to the differ
     * (not modelled here).
     */
    public Schema comparable() {
        List<Table> normalised = new ArrayList<>();
        for (Table table : tables) {
            Table sorted = table.withColumnsByName();
            normalised.add(sorted.withColumns(sorted.columns().stream()
                            .map(c -> c.withoutSpelling()
                                    .withDefault(c.defaultKey() == null ? null : ColumnDefault.of(c.defaultKey()))
                                    .withGenerated(c.generated() == null ? null : ColumnDefault.of(c.generatedKey())))
                            .toList())
                    .withPrimaryKey(
                            sorted.primaryKey() == null
                                    ? null
                                    : sorted.primaryKey().named(null))
                    .withUniques(
                            sorted.uniques().stream().map(u -> u.named(null)).toList())
                    .withForeignKeys(sorted.foreignKeys().stream()
                            .map(ForeignKey::unnamed)
                            .toList())
                    .withChecks(sorted.checks().stream()
                            .map(c -> new CheckConstraint(null, c.key(), null, c.inheritable(), c.valid()))
                            .toList())
                    .withIndexes(sorted.indexes().stream().map(Index::unnamed).toList()));
        }
        return new Schema(normalised, sequences, enums, types, outsideScope, null);
    }
}
