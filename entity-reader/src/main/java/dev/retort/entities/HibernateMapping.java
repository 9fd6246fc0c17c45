package dev.retort.entities;

import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UserDefinedObjectType;
import org.hibernate.mapping.UserDefinedType;

/**
 * Hibernate's boot metamodel read into plain values for {@link SchemaAssembler}: the tables,
 * sequences and composite types Hibernate would create, named as PostgreSQL folds names, tables in the default schema
 * without its name (as the introspector writes them).
 */
final class HibernateMapping {
    private final Metadata metadata;
    private final String defaultSchema;

    HibernateMapping(Metadata metadata, String defaultSchema) {
        this.metadata = metadata;
        this.defaultSchema = defaultSchema;
    }

    /** A standalone sequence: its name, start and increment. */
    record MappedSequence(QualifiedName name, long start, long increment) {}

    /** A composite type ({@code @Struct}): its name and its attributes in Hibernate's order. */
    record MappedType(QualifiedName name, List<MappedColumn> attributes) {}

    /**
     * The composite types Hibernate's schema export would create, as {@code @Struct} embeddables map
     * them, each with its attributes in the order the configured column-ordering strategy gives
     * them.
     */
    List<MappedType> types() {
        List<MappedType> types = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (UserDefinedType type : namespace.getUserDefinedTypes()) {
                if (!(type instanceof UserDefinedObjectType object)) continue;
                Identifier schema = object.getQualifiedTableName().getSchemaName();
                QualifiedName name =
                        name(schema == null ? null : physical(schema), physical(object.getNameIdentifier()));
                List<MappedColumn> attributes = object.getColumns().stream()
                        .map(column -> new MappedColumn(column, metadata))
                        .toList();
                types.add(new MappedType(name, attributes));
            }
        }
        return types;
    }

    /** The tables Hibernate would create: no views and no abstract union tables. */
    List<MappedTable> tables() {
        List<MappedTable> tables = new ArrayList<>();
        for (Table table : metadata.collectTableMappings()) {
            if (isPhysical(table)) tables.add(new MappedTable(table, this));
        }
        return tables;
    }

    List<MappedSequence> sequences() {
        List<MappedSequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Sequence sequence : namespace.getSequences()) {
                Identifier schema = sequence.getName().getSchemaName();
                QualifiedName name = name(
                        schema == null ? null : physical(schema),
                        physical(sequence.getName().getSequenceName()));
                sequences.add(new MappedSequence(name, sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return sequences;
    }

    /**
     * The statements the dialect creates a named enum type with: the type, then what Hibernate's
     * schema export adds beside it (Hibernate 7: implicit casts with varchar).
     */
    List<String> enumTypeCommands(String name, List<String> labels) {
        return List.of(
                metadata.getDatabase().getDialect().getCreateEnumTypeCommand(name, labels.toArray(String[]::new)));
    }

    Metadata metadata() {
        return metadata;
    }

    static boolean isPhysical(Table table) {
        return table.isPhysicalTable() && !table.isAbstractUnionTable() && !table.isView();
    }

    QualifiedName name(Table table) {
        String schema = table.getSchemaIdentifier() == null ? null : physical(table.getSchemaIdentifier());
        return name(schema, physical(table.getNameIdentifier()));
    }

    /** The name in its schema, or without one in the default schema. */
    QualifiedName name(String schema, String name) {
        return new QualifiedName(defaultSchema.equals(schema) ? null : schema, name);
    }

    /**
     * PostgreSQL folds unquoted identifiers to lower case, quoted ones keep their case; MariaDB keeps
     * every name as written (its catalog holds the case Hibernate's DDL wrote).
     */
    private String physical(Identifier identifier) {
        return identifier.isQuoted() ? identifier.getText() : fold(identifier.getText());
    }

    /** An unquoted name as the database stores it. */
    String fold(String name) {
        return folds(metadata) ? name.toLowerCase(Locale.ROOT) : name;
    }

    String name(Column column) {
        return column.isQuoted() ? column.getName() : fold(column.getName());
    }

    /** Whether the mapping's database folds unquoted names to lower case: PostgreSQL does, MariaDB and MySQL do not. */
    static boolean folds(Metadata metadata) {
        return !(metadata.getDatabase().getDialect() instanceof MySQLDialect);
    }
}
