package dev.retort.entities;

import dev.retort.classpath.ClassScanner;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnDefault;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableName;
import dev.retort.schema.UniqueConstraint;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Selectable;
import org.hibernate.type.SqlTypes;

/**
 * Reads JPA entities into a {@link Schema} through Hibernate's boot metamodel, without a database
 * connection, so the tables are exactly those Hibernate would create for PostgreSQL.
 */
public final class EntityReader {
    private static final List<Class<? extends Annotation>> MAPPED =
            List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private EntityReader() {}

    /**
     * Reads the entities of a source.
     *
     * @param defaultSchema the schema that tables without one live in; named tables in it lose
     *     their schema, as the introspector writes them
     */
    public static Schema read(EntitySource source, String defaultSchema) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(urls(source.classpath()), EntityReader.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<String> names = new ArrayList<>();
            for (String packageName : source.packages())
                names.addAll(ClassScanner.classNames(loader, source.classpath(), packageName));
            try (EntityClasses loaded =
                    EntityClasses.load(names, loader, type -> MAPPED.stream().anyMatch(type::isAnnotationPresent))) {
                if (loaded.classes().stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
                    throw new EntityException("no @Entity classes found in packages " + source.packages()
                            + (source.classpath().isEmpty() ? "" : " on entities.classpath " + source.classpath()));
                }
                return toSchema(metadata(loaded.classes(), source.naming(), loader), defaultSchema);
            }
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Metadata metadata(List<Class<?>> classes, Naming naming, ClassLoader loader) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoaderService(new RememberingClassLoaderService(loader))
                .build();
        // destroying this registry also closes the bootstrap registry
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.xml_mapping_enabled", "false")
                .applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                .applySetting("jakarta.persistence.database-major-version", "15")
                .applySetting("jakarta.persistence.database-minor-version", "0")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            classes.forEach(sources::addAnnotatedClass);
            MetadataBuilder builder = sources.getMetadataBuilder();
            applyNaming(builder, naming, loader);
            return builder.build();
        } catch (EntityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EntityException("Hibernate could not map the entities: " + e.getMessage(), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * Hibernate's class loading (the entities' loader first, then Hibernate's own), remembering the
     * names it could not load. Hibernate looks up each entity's {@code package-info} once for every
     * package-level annotation it supports; without the memory each miss searches every loader
     * again and builds two exceptions, for every entity.
     */
    private static final class RememberingClassLoaderService extends ClassLoaderServiceImpl {
        private final Set<String> missing = ConcurrentHashMap.newKeySet();

        RememberingClassLoaderService(ClassLoader loader) {
            super(List.of(loader), TcclLookupPrecedence.AFTER);
        }

        @Override
        public <T> Class<T> classForName(String className) {
            if (missing.contains(className)) throw new NotFound(className);
            try {
                return super.classForName(className);
            } catch (ClassLoadingException e) {
                missing.add(className);
                throw e;
            }
        }

        /** A repeated miss: the first one carried the cause and the stack. */
        private static final class NotFound extends ClassLoadingException {
            NotFound(String className) {
                super("Unable to load class [" + className + "]");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }
    }

    private static void applyNaming(MetadataBuilder builder, Naming naming, ClassLoader loader) {
        switch (naming.value()) {
            case "jpa" -> {}
            case "snake" -> builder.applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
            default -> {
                Object strategy = instantiate(naming.value(), loader);
                boolean used = false;
                if (strategy instanceof PhysicalNamingStrategy physical) {
                    builder.applyPhysicalNamingStrategy(physical);
                    used = true;
                }
                if (strategy instanceof ImplicitNamingStrategy implicit) {
                    builder.applyImplicitNamingStrategy(implicit);
                    used = true;
                }
                if (!used) {
                    throw new EntityException(
                            "entities.naming: " + naming.value()
                                    + " is neither 'jpa', 'snake', nor a Hibernate PhysicalNamingStrategy or ImplicitNamingStrategy");
                }
            }
        }
    }

    private static Object instantiate(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EntityException("entities.naming: cannot instantiate " + className + ": " + e, e);
        }
    }

    private static Schema toSchema(Metadata metadata, String defaultSchema) {
        List<Table> tables = new ArrayList<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (!isPhysical(table)) continue;
            tables.add(toTable(metadata, table, defaultSchema));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                Identifier schema = sequence.getName().getSchemaName();
                TableName name = name(
                        schema == null ? null : physical(schema),
                        physical(sequence.getName().getSequenceName()),
                        defaultSchema);
                sequences.add(new Sequence(name, sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return new Schema(tables, sequences, enums(metadata, defaultSchema));
    }

    /**
     * The enum types of {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns, with the Java enum's
     * constants sorted by name, as Hibernate creates them.
     */
    private static List<EnumType> enums(Metadata metadata, String defaultSchema) {
        Map<TableName, EnumType> enums = new java.util.TreeMap<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (!isPhysical(table)) continue;
            for (org.hibernate.mapping.Column column : table.getColumns()) {
                if (column.getSqlTypeCode(metadata) != SqlTypes.NAMED_ENUM
                        || !(column.getValue() instanceof BasicValue value)) continue;
                Class<?> javaType = value.resolve().getDomainJavaType().getJavaTypeClass();
                if (!javaType.isEnum()) continue;
                List<String> labels = java.util.Arrays.stream(javaType.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .sorted()
                        .toList();
                TableName name = name(null, column.getSqlType(metadata).toLowerCase(Locale.ROOT), defaultSchema);
                enums.putIfAbsent(name, new EnumType(name, labels));
            }
        }
        return List.copyOf(enums.values());
    }

    private static boolean isPhysical(org.hibernate.mapping.Table table) {
        return table.isPhysicalTable() && !table.isAbstractUnionTable() && !table.isView();
    }

    private static TableName name(org.hibernate.mapping.Table table, String defaultSchema) {
        String schema = table.getSchemaIdentifier() == null ? null : physical(table.getSchemaIdentifier());
        return name(schema, physical(table.getNameIdentifier()), defaultSchema);
    }

    /** A {@code @Collate} name as PostgreSQL's catalog prints it: bare when it is a plain lower-case word, else quoted. */
    private static String collation(String name) {
        if (name == null || name.isBlank()) return null;
        String bare = name.strip();
        if (bare.length() > 1 && bare.startsWith("\"") && bare.endsWith("\""))
            bare = bare.substring(1, bare.length() - 1).replace("\"\"", "\"");
        return bare.matches("[a-z_][a-z0-9_$]*") ? bare : "\"" + bare.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's system columns, present in every table and never in the catalog's column list. */
    private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    private static TableName name(String schema, String name, String defaultSchema) {
        return new TableName(defaultSchema.equals(schema) ? null : schema, name);
    }

    private static Table toTable(Metadata metadata, org.hibernate.mapping.Table table, String defaultSchema) {
        TableName name = name(table, defaultSchema);
        List<Column> columns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            // xmin mapped as an optimistic-lock version, ctid, ...: every table has them, nothing to add
            if (SYSTEM_COLUMNS.contains(physicalColumn(column))) continue;
            String type = column.getSqlType(metadata);
            Identity identity = column.isIdentity() ? Identity.BY_DEFAULT : Identity.NONE;
            ColumnDefault generated =
                    column.getGeneratedAs() == null ? null : ColumnDefault.of(column.getGeneratedAs());
            ColumnDefault defaultValue =
                    column.getDefaultValue() == null || identity != Identity.NONE || generated != null
                            ? null
                            : ColumnDefault.of(column.getDefaultValue());
            columns.add(new Column(
                    physicalColumn(column),
                    type,
                    column.isNullable(),
                    identity,
                    defaultValue,
                    column.getComment(),
                    generated,
                    collation(column.getCollation())));
        }
        PrimaryKey key = null;
        if (table.hasPrimaryKey())
            key = new PrimaryKey(null, names(table.getPrimaryKey().getColumns()));
        return new Table(
                name,
                columns,
                key,
                uniques(table),
                foreignKeys(table, defaultSchema),
                checks(table),
                indexes(table),
                table.getComment());
    }

    /** {@code @Index}es on columns, with their sort order; unique ones are unique constraints in Hibernate's model. */
    private static List<Index> indexes(org.hibernate.mapping.Table table) {
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            Map<Selectable, String> order = index.getSelectableOrderMap();
            List<Index.Key> keys = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                if (!(selectable instanceof org.hibernate.mapping.Column column)) continue;
                Index.Key key = Index.Key.of(physicalColumn(column));
                keys.add("desc".equalsIgnoreCase(order.get(selectable)) ? key.desc() : key);
            }
            if (keys.isEmpty()) continue;
            String name = index.getName() == null ? null : index.getName().toLowerCase(Locale.ROOT);
            Index mapped = new Index(name, keys, index.isUnique(), "btree", List.of(), null, false);
            indexes.add(mapped);
        }
        return indexes;
    }

    /**
     * {@code @Check}s on the table and checks on columns, including those Hibernate derives from
     * {@code @Enumerated}; expressions as Hibernate writes them, to be compared through PostgreSQL.
     */
    private static List<CheckConstraint> checks(org.hibernate.mapping.Table table) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) checks.add(check(check));
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) checks.add(check(check));
        }
        return checks;
    }

    private static CheckConstraint check(org.hibernate.mapping.CheckConstraint check) {
        String name = check.isNamed() ? check.getName().toLowerCase(Locale.ROOT) : null;
        return new CheckConstraint(name, check.getConstraint());
    }

    /**
     * Column-level {@code unique} and {@code @UniqueConstraint}s, one per column list; a name is kept
     * only when the mapping gave one, since Hibernate's own are made up and never compared.
     */
    private static List<UniqueConstraint> uniques(org.hibernate.mapping.Table table) {
        Map<List<String>, UniqueConstraint> byColumns = new LinkedHashMap<>();
        for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
            List<String> columns = names(key.getColumns());
            byColumns.putIfAbsent(columns, new UniqueConstraint(key.isNameExplicit() ? key.getName() : null, columns));
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                List<String> columns = List.of(physicalColumn(column));
                byColumns.putIfAbsent(columns, new UniqueConstraint(null, columns));
            }
        }
        return List.copyOf(byColumns.values());
    }

    private static List<ForeignKey> foreignKeys(org.hibernate.mapping.Table table, String defaultSchema) {
        List<ForeignKey> keys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint() || !isPhysical(key.getReferencedTable()))
                continue;
            org.hibernate.mapping.Table target = key.getReferencedTable();
            List<String> referenced = key.isReferenceToPrimaryKey()
                    ? names(target.getPrimaryKey().getColumns())
                    : names(key.getReferencedColumns());
            String keyName = key.getName() == null ? null : key.getName().toLowerCase(Locale.ROOT);
            keys.add(new ForeignKey(
                    keyName,
                    names(key.getColumns()),
                    name(target, defaultSchema),
                    referenced,
                    action(key.getOnDeleteAction()),
                    ForeignKey.Action.NO_ACTION,
                    false,
                    false));
        }
        return keys;
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

    private static List<String> names(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(EntityReader::physicalColumn).toList();
    }

    /** PostgreSQL folds unquoted identifiers to lower case; quoted ones keep their case. */
    private static String physical(Identifier identifier) {
        return identifier.isQuoted()
                ? identifier.getText()
                : identifier.getText().toLowerCase(Locale.ROOT);
    }

    private static String physicalColumn(org.hibernate.mapping.Column column) {
        return column.isQuoted() ? column.getName() : column.getName().toLowerCase(Locale.ROOT);
    }

    private static URL[] urls(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry))
                throw new EntityException("entities.classpath entry " + entry + " does not exist");
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new EntityException("entities.classpath entry " + entry + " is not a valid path", e);
            }
        }
        return urls.toArray(URL[]::new);
    }
}
