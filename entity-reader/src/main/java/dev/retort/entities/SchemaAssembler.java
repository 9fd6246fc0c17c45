package dev.retort.entities;

import dev.retort.entities.HibernateMapping.MappedSequence;
import dev.retort.entities.HibernateMapping.MappedType;
import dev.retort.entities.MappedTable.MappedCheck;
import dev.retort.entities.MappedTable.MappedForeignKey;
import dev.retort.entities.MappedTable.MappedIndex;
import dev.retort.entities.MappedTable.MappedUnique;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableComment;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.annotations.OnDeleteAction;

/** Builds Retort's schema records from the plain values {@link HibernateMapping} reads of Hibernate's mapping. */
final class SchemaAssembler {
    private SchemaAssembler() {}

    static Schema schema(HibernateMapping mapping) {
        List<MappedTable> mapped = mapping.tables();
        List<Table> tables = new ArrayList<>(mapped.size());
        for (MappedTable table : mapped) tables.add(table(table));
        List<Sequence> sequences = new ArrayList<>(serialSequences(mapped));
        for (MappedSequence sequence : mapping.sequences())
            sequences.add(Sequence.of(sequence.name(), sequence.start(), sequence.increment()));
        return LongNames.check(new Schema(tables, sequences, enums(mapping, mapped)).withTypes(types(mapping)));
    }

    private static Table table(MappedTable mapped) {
        List<TableElement> elements = new ArrayList<>();
        for (MappedColumn column : mapped.columns()) {
            // every table has the system columns: nothing to add
            if (!column.system()) elements.add(column(column, mapped.name()));
        }
        List<String> primaryKey = mapped.primaryKey();
        if (!primaryKey.isEmpty()) elements.add(new PrimaryKey(mapped.primaryKeyName(), primaryKey));
        for (MappedUnique unique : mapped.uniques())
            elements.add(new UniqueConstraint(unique.name(), unique.columns()));
        for (MappedCheck check : mapped.checks())
            elements.add(CheckConstraint.of(check.expression()).named(check.name()));
        for (MappedForeignKey key : mapped.foreignKeys()) elements.add(foreignKey(key));
        for (MappedIndex index : mapped.indexes()) elements.add(index(index));
        if (mapped.comment() != null) elements.add(new TableComment(mapped.comment()));
        return Table.of(mapped.name(), elements);
    }

    /**
     * The column with what the mapping sets and nothing else: a default only without identity and generation; a
     * {@code serial} as PostgreSQL stores it, its integer type, NOT NULL and its sequence's {@code nextval} default.
     */
    private static Column column(MappedColumn mapped, QualifiedName table) {
        String serial = mapped.serialType();
        if (serial != null)
            return Column.of(mapped.name(), serial)
                    .notNull()
                    .defaultValue(nextval(serialSequence(table, mapped.name())));
        Column column = Column.of(mapped.name(), mapped.typeWithOptions(table));
        if (!mapped.nullable()) column = column.notNull();
        if (mapped.identity()) column = column.identityByDefault();
        String generatedAs = mapped.generatedAs();
        String defaultValue = mapped.defaultValue();
        if (generatedAs != null) {
            column = column.generatedAs(generatedAs);
        } else if (defaultValue != null && !mapped.identity()) {
            column = column.defaultValue(defaultValue);
        }
        String comment = mapped.comment();
        if (comment != null) column = column.comment(comment);
        String collation = mapped.collation();
        if (collation != null) column = column.collate(collation);
        return column;
    }

    /**
     * The sequences of the {@code serial} columns, named as PostgreSQL names them, of their column's type ({@code AS
     * integer} for a {@code serial}) and owned by their columns.
     */
    private static List<Sequence> serialSequences(List<MappedTable> tables) {
        List<Sequence> sequences = new ArrayList<>();
        for (MappedTable table : tables) {
            for (MappedColumn column : table.columns()) {
                if (column.serialType() == null) continue;
                sequences.add(Sequence.of(serialSequence(table.name(), column.name()), 1, 1)
                        .as(column.serialType())
                        .ownedBy(table.name().name(), column.name()));
            }
        }
        return sequences;
    }

    private static QualifiedName serialSequence(QualifiedName table, String column) {
        return new QualifiedName(table.schema(), DefaultNames.serialSequence(table.name(), column));
    }

    /** The default PostgreSQL gives a {@code serial} column: {@code nextval} of its sequence as a regclass literal. */
    private static String nextval(QualifiedName sequence) {
        String name = sequence.schema() == null
                ? identifier(sequence.name())
                : identifier(sequence.schema()) + "." + identifier(sequence.name());
        return "nextval('" + name.replace("'", "''") + "'::regclass)";
    }

    private static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Index index(MappedIndex mapped) {
        List<Index.Key> keys = new ArrayList<>();
        for (String column : mapped.columns()) {
            Index.Key key = Index.Key.of(column);
            keys.add(mapped.descending().contains(column) ? key.desc() : key);
        }
        return Index.of(keys).withUnique(mapped.unique()).named(mapped.name()).withImplicitName(mapped.implicitName());
    }

    private static ForeignKey foreignKey(MappedForeignKey mapped) {
        return ForeignKey.of(mapped.columns(), mapped.target(), mapped.targetColumns())
                .onDelete(action(mapped.onDelete()))
                .named(mapped.name());
    }

    private static ForeignKey.Action action(OnDeleteAction action) {
        if (action == null) return ForeignKey.Action.NO_ACTION;
        return switch (action) {
            case CASCADE -> ForeignKey.Action.CASCADE;
            case SET_NULL -> ForeignKey.Action.SET_NULL;
            case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
            case RESTRICT -> ForeignKey.Action.RESTRICT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    /** The composite types of {@code @Struct} embeddables, their attributes as Hibernate orders and types them. */
    private static List<CompositeType> types(HibernateMapping mapping) {
        List<CompositeType> types = new ArrayList<>();
        for (MappedType type : mapping.types()) {
            List<Attribute> attributes = type.attributes().stream()
                    .map(column -> Attribute.of(column.name(), column.type()))
                    .toList();
            types.add(new CompositeType(type.name(), attributes));
        }
        return types;
    }

    /**
     * The enum types of {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns, with the Java enum's
     * constants sorted by name and the casts with varchar the dialect creates beside them, as
     * Hibernate's schema export creates them.
     */
    private static List<EnumType> enums(HibernateMapping mapping, List<MappedTable> tables) {
        Map<QualifiedName, EnumType> enums = new TreeMap<>();
        for (MappedTable table : tables) {
            for (MappedColumn column : table.columns()) {
                String type = column.enumType();
                if (type == null) continue;
                QualifiedName name = new QualifiedName(null, type);
                if (enums.containsKey(name)) continue;
                Set<EnumType.Cast> casts = casts(mapping.enumTypeCommands(type, column.enumLabels()));
                enums.put(name, new EnumType(name, column.enumLabels(), casts));
            }
        }
        return List.copyOf(enums.values());
    }

    /** The implicit casts with varchar among the statements that follow a {@code create type}. */
    static Set<EnumType.Cast> casts(List<String> commands) {
        Set<EnumType.Cast> casts = EnumSet.noneOf(EnumType.Cast.class);
        for (String command : commands.subList(Math.min(1, commands.size()), commands.size())) {
            String spaced =
                    command.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            if (!spaced.startsWith("create cast (") || !spaced.endsWith(" with inout as implicit")) continue;
            if (spaced.startsWith("create cast (varchar as ")) {
                casts.add(EnumType.Cast.FROM_VARCHAR);
            } else if (spaced.contains(" as varchar)")) {
                casts.add(EnumType.Cast.TO_VARCHAR);
            }
        }
        return casts;
    }
}
