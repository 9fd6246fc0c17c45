package dev.retort.autogenerate;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.RetortException;
import dev.retort.diff.ColumnComparison;
import dev.retort.diff.Conversions;
import dev.retort.diff.Differ;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.PendingContract;
import dev.retort.diff.Plan;
import dev.retort.entities.EntityReader;
import dev.retort.entities.EntitySource;
import dev.retort.mariadb.ColumnChecks;
import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbHazards;
import dev.retort.mariadb.MariaDbIntrospector;
import dev.retort.mariadb.MariaDbServer;
import dev.retort.mariadb.RetypedForeignKeys;
import dev.retort.mariadb.StatedDetails;
import dev.retort.postgres.CatalogCasts;
import dev.retort.postgres.ExpressionCanonicalizer;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.SchemaScope;
import dev.retort.schema.EnumType;
import dev.retort.schema.Namespace;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The autogenerate pipeline: a database and an entity model read in the same terms and compared into
 * the {@link Plan} that makes the database match the entities; configured by {@link #configure()},
 * immutable. A complete {@code retort check}, from outside Retort:
 *
 * <pre>{@code
 * Autogenerate autogenerate = Autogenerate.configure()
 *         .schemas("public")
 *         .leaveOut(Set.of(QualifiedName.of("retort_version"), QualifiedName.of("retort_version_history")))
 *         .load();
 * Schema entities = autogenerate.readEntities(new EntitySource(List.of("com.example.domain"), List.of(), Naming.SNAKE));
 * try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/app?user=app")) {
 *     Plan plan = autogenerate.compare(connection, entities);
 *     if (!plan.isEmpty()) throw new IllegalStateException("a migration is missing: " + plan.upgrade());
 * }
 * }</pre>
 *
 * <p>The revision a plan calls for is rendered by the {@code codegen} module, the same call
 * {@code retort revision --autogenerate} makes: {@code MigrationWriter.writeNew(folder,
 * "com.example.migrations", RevisionHeader.of(id, parents, message, now), plan)}.
 *
 * <p>Both sides take part only with the tables the filter accepts, without the tables left out and with
 * the objects the {@link ObjectFilter} includes (Flyway's and Liquibase's own tables left alone by default),
 * and both have their expressions (defaults, checks, index expressions) as the database writes them,
 * so that a change the database would not see is never reported.
 */
public final class Autogenerate {
    private final SchemaScope scope;
    private final TableFilter tables;
    private final List<ColumnComparison> hooks;
    private final ObjectFilter objects;
    private final Dialect dialect;

    /**
     * The tables Flyway and Liquibase keep their own history in, left alone by default (in any schema):
     * a database adopted from either holds them, and no entity maps them.
     */
    public static final List<String> TOOL_TABLES =
            List.of("databasechangelog", "databasechangeloglock", "flyway_schema_history");

    private static final ObjectFilter NO_TOOL_TABLES = ObjectFilter.of(
            Set.of(ObjectKind.TABLE),
            (kind, name, side, object) ->
                    !TOOL_TABLES.contains(((Table) object).name().name()));

    private Autogenerate(Builder builder) {
        this.scope = new SchemaScope(builder.schemas, builder.leftOut, builder.defaultSchema);
        this.tables = builder.tables;
        this.hooks = builder.hooks;
        this.objects = builder.excludeToolTables ? NO_TOOL_TABLES.and(builder.objects) : builder.objects;
        this.dialect = builder.dialect;
    }

    /**
     * A builder for the {@code public} schema, every table, none left out, no hooks, no object filter,
     * and the {@link #TOOL_TABLES} left alone.
     */
    public static Builder configure() {
        return new Builder();
    }

    /**
     * The entity model as Hibernate maps it, in the default schema, without the tables left out;
     * needs no database (its expressions are made the database's by {@link #compare}).
     */
    public Schema readEntities(EntitySource entities) {
        return EntityReader.read(entities, scope.defaultSchema(), dialect).withoutTables(scope.excluded());
    }

    /**
     * The same, mapped for the server the connection reaches: on a MySQL server (behind a MariaDB URL) with Hibernate's
     * MySQL dialect, unless the entities' Hibernate settings name a dialect or product ({@code
     * HibernateSettings.forMySql}).
     */
    public Schema readEntities(EntitySource entities, Connection connection) throws SQLException {
        if (dialect == Dialect.MARIADB && MariaDbServer.isMySql(connection))
            return readEntities(entities.withHibernate(entities.hibernate().forMySql()));
        return readEntities(entities);
    }

    /**
     * The database's tables in the schemas, as the table filter accepts them, without those left out and
     * with the objects the object filter includes, expressions canonical.
     */
    public Schema readDatabase(Connection connection) {
        if (dialect == Dialect.MARIADB) return MariaDbSide.read(connection, this::filter);
        Schema read = tables.apply(PostgresIntrospector.read(connection, scope));
        return ExpressionCanonicalizer.canonicalize(
                connection, FilteredSchema.apply(objects, ObjectFilter.Side.DATABASE, read));
    }

    /**
     * An entity model as the table filter accepts it, without the tables left out and with the objects the
     * object filter includes, with its expressions as this database writes them.
     */
    public Schema canonicalize(Connection connection, Schema entities) {
        if (dialect == Dialect.MARIADB)
            return MariaDbSide.canonicalize(connection, filter(entities, ObjectFilter.Side.MODEL));
        Schema model = tables.apply(entities.withoutTables(scope.excluded())).withNamespaces(configuredSchemas());
        return ExpressionCanonicalizer.canonicalize(
                connection, FilteredSchema.apply(objects, ObjectFilter.Side.MODEL, model));
    }

    /**
     * A database's schema read by the caller (a {@code MariaDbIntrospector} catalog's, whose table details the caller
     * keeps beside it) as {@link #readDatabase} would take it: the tables the table filter accepts, without those
     * left out, with the objects the object filter includes. Nothing is canonicalised: a catalog's expressions are
     * the server's already.
     */
    public Schema filterDatabase(Schema read) {
        return filter(read, ObjectFilter.Side.DATABASE);
    }

    /** A schema as the table filter and object filter take it, without the tables left out. */
    private Schema filter(Schema schema, ObjectFilter.Side side) {
        return FilteredSchema.apply(objects, side, tables.apply(schema.withoutTables(scope.excluded())));
    }

    /** The database this pipeline reads and compares: PostgreSQL unless {@link Builder#dialect} says otherwise. */
    public Dialect dialect() {
        return dialect;
    }

    /** How {@code dialect}'s database judges the hazards of a plan's operations (MariaDB's statements lock otherwise). */
    public static HazardPolicy hazards(Dialect dialect) {
        return dialect == Dialect.MARIADB ? MariaDbHazards.POLICY : HazardPolicy.POSTGRESQL;
    }

    private static boolean isMySql(Connection connection) {
        try {
            return MariaDbServer.isMySql(connection);
        } catch (SQLException e) {
            throw new RetortException("reading the MariaDB server's version failed: " + e.getMessage(), e);
        }
    }

    /** The same for the server a connection reaches: on the MariaDB dialect, MariaDB's policy or MySQL's. */
    public static HazardPolicy hazards(Dialect dialect, Connection connection) throws SQLException {
        return dialect == Dialect.MARIADB ? MariaDbHazards.of(MariaDbServer.kind(connection)) : hazards(dialect);
    }

    /** The plan that makes the database match the entity model (as {@link #readEntities} gives it). */
    public Plan compare(Connection connection, Schema entities) {
        return compare(connection, CompletableFuture.completedFuture(entities));
    }

    /**
     * The same for an entity model still being read on another thread: the database is read
     * meanwhile. An error of that read is thrown as it was raised.
     */
    public Plan compare(Connection connection, CompletableFuture<Schema> entities) {
        return comparison(connection, entities).plan();
    }

    /** The database as {@link #readDatabase} read it, and the plan that makes it match the entity model. */
    public record Comparison(Schema database, Plan plan) {}

    /** As {@link #compare(Connection, CompletableFuture)}, with the database read (what {@code --expand-contract} needs). */
    public Comparison comparison(Connection connection, CompletableFuture<Schema> entities) {
        if (dialect == Dialect.MARIADB) {
            MariaDbCatalog catalog = MariaDbIntrospector.read(connection);
            Schema database = filter(catalog.schema(), ObjectFilter.Side.DATABASE);
            Schema model = canonicalize(connection, join(entities));
            Schema current = MariaDbSide.withoutImplicitIndexes(database, model);
            Plan plan = RetypedForeignKeys.of(diff(current, model), current, model, isMySql(connection), database);
            plan = ColumnChecks.of(plan, current, catalog.details(), model);
            // each drop written as the table, column or index was, so that the downgrade gives it back
            return new Comparison(
                    database,
                    StatedDetails.ofDrops(plan, catalog.details(), StatedDetails.ServerDefaults.read(connection)));
        }
        Schema database = readDatabase(connection);
        return new Comparison(
                database, withCasts(connection, diffModel(database, canonicalize(connection, join(entities)))));
    }

    /**
     * The plan with each type change the database has no cast for given a {@code USING} still to be
     * written ({@link Conversions}): the casts of the types the plan changes between, read from the
     * catalog of the database the plan runs on, once.
     */
    public Plan withCasts(Connection connection, Plan plan) {
        Set<String> types = Conversions.types(plan);
        // MariaDB's ALTER TABLE ... MODIFY converts between any two types
        if (types.isEmpty() || dialect == Dialect.MARIADB) return plan;
        CatalogCasts casts = CatalogCasts.read(connection, types);
        return Conversions.mark(plan, casts::converts);
    }

    /**
     * The plan that makes a read database match an entity model as {@link #canonicalize} gives it:
     * {@link #diff}, with what an entity model cannot know left as the database has it (the casts of
     * an enum type that already exists), and an expand/contract type change's pending contract step
     * as the contract's operations ({@link PendingContract}).
     */
    public Plan diffModel(Schema database, Schema model) {
        Schema wanted = withDatabaseComments(withDatabaseEnumCasts(model, database), database);
        return PendingContract.of(diff(database, wanted), database, wanted);
    }

    /**
     * The schemas in scope but the default one: an entity model wants every one of them (a schema the
     * configuration names is the project's, used by an entity or not), and knows nothing they hold.
     */
    private List<Namespace> configuredSchemas() {
        return scope.schemas().stream()
                .filter(name -> !name.equals(scope.defaultSchema()))
                .distinct()
                .map(Namespace::of)
                .toList();
    }

    /** The model with the database's comments on the schemas both have: entities cannot declare one. */
    private static Schema withDatabaseComments(Schema model, Schema database) {
        if (model.namespaces() == null || database.namespaces() == null) return model;
        Map<String, String> comments = new HashMap<>();
        for (Namespace namespace : database.namespaces()) comments.put(namespace.name(), namespace.comment());
        return model.withNamespaces(model.namespaces().stream()
                .map(n -> n.comment(comments.get(n.name())))
                .toList());
    }

    /**
     * The model with the database's own casts on every enum type both have. Hibernate's export
     * creates casts with varchar beside a named enum, so a type the plan creates gets them; but a type
     * that exists without them (made by hand or by another tool) works as it is, and asking to add
     * them would be a false positive.
     */
    private static Schema withDatabaseEnumCasts(Schema model, Schema database) {
        Map<QualifiedName, EnumType> existing = new HashMap<>();
        for (EnumType type : database.enums()) existing.put(type.name(), type);
        List<EnumType> enums = model.enums().stream()
                .map(type -> existing.containsKey(type.name())
                        ? type.withCasts(existing.get(type.name()).casts())
                        : type)
                .toList();
        return model.with(model.tables(), model.sequences(), enums);
    }

    /**
     * The plan that creates the database's schema (as {@link #readDatabase} reads it) from nothing: the
     * first revision of a database that Retort adopts, so that a fresh database upgraded through it
     * is the same and its downgrade empties one.
     */
    public Plan baseline(Connection connection) {
        return diff(Schema.EMPTY, readDatabase(connection));
    }

    /** The plan from one read schema to another, the hooks consulted before Retort's own column comparison. */
    public Plan diff(Schema current, Schema target) {
        return Differ.diff(current, target, hooks);
    }

    private static Schema join(CompletableFuture<Schema> entities) {
        try {
            return entities.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    /** What an {@link Autogenerate} reads and compares: schemas, tables, tables left out, comparison hooks. */
    public static final class Builder {
        private List<String> schemas = List.of("public");
        private String defaultSchema;
        private TableFilter tables = TableFilter.ALL;
        private Set<QualifiedName> leftOut = Set.of();
        private List<ColumnComparison> hooks = List.of();
        private ObjectFilter objects = ObjectFilter.ALL;
        private boolean excludeToolTables = true;
        private Dialect dialect = Dialect.POSTGRESQL;

        private Builder() {}

        /**
         * The database the connections speak to ({@link Dialect#ofUrl}): on MariaDB the entities are mapped with
         * Hibernate's MariaDB dialect, the catalog read by {@code MariaDbIntrospector} (the connection's database is
         * the default schema) and the entities' expressions printed by MariaDB ({@code MariaDbCanonicalizer}).
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = requireNonNull(dialect, "dialect");
            return this;
        }

        /** The schemas to read; the first is the default schema unless {@link #defaultSchema} names another. */
        public Builder schemas(List<String> schemas) {
            this.schemas = List.copyOf(requireNonNull(schemas, "schemas"));
            return this;
        }

        public Builder schemas(String... schemas) {
            return schemas(List.of(schemas));
        }

        /** The schema whose tables are named without one, and in which the entities' unqualified tables are. */
        public Builder defaultSchema(String defaultSchema) {
            this.defaultSchema = requireNonNull(defaultSchema, "defaultSchema");
            return this;
        }

        /** Which tables (and the sequences they own) take part. */
        public Builder tables(TableFilter tables) {
            this.tables = requireNonNull(tables, "tables");
            return this;
        }

        /** Tables never compared, on either side, such as Retort's own version and history tables. */
        public Builder leaveOut(Set<QualifiedName> tables) {
            this.leftOut = Set.copyOf(requireNonNull(tables, "tables"));
            return this;
        }

        /** The project's column comparison hooks, consulted in order. */
        public Builder hooks(List<ColumnComparison> hooks) {
            this.hooks = List.copyOf(requireNonNull(hooks, "hooks"));
            return this;
        }

        /**
         * Which objects take part, on both sides (an {@link ExcludePatterns} for {@code compare.exclude},
         * or the project's own); the {@link #TOOL_TABLES} are left alone besides, unless
         * {@link #excludeToolTables} says otherwise.
         */
        public Builder objectFilter(ObjectFilter filter) {
            this.objects = requireNonNull(filter, "filter");
            return this;
        }

        /** Whether Flyway's and Liquibase's own tables ({@link #TOOL_TABLES}) are left alone (the default) or compared. */
        public Builder excludeToolTables(boolean exclude) {
            this.excludeToolTables = exclude;
            return this;
        }

        public Autogenerate load() {
            return new Autogenerate(this);
        }
    }
}
