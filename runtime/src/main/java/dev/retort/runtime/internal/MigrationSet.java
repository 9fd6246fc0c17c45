package dev.retort.runtime.internal;

import dev.retort.SqlDialect;
import dev.retort.classpath.ClassScanner;
import dev.retort.postgres.PostgresSql;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Revision;
import dev.retort.runtime.Timeouts;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The loaded migrations of a project and the validated revision graph they form. */
public final class MigrationSet {
    private final RevisionGraph graph;
    private final Map<String, Class<? extends Migration>> classes;
    private final Set<String> forwardOnly;
    private final SqlDialect sql;

    private MigrationSet(
            RevisionGraph graph,
            Map<String, Class<? extends Migration>> classes,
            Set<String> forwardOnly,
            SqlDialect sql) {
        this.graph = graph;
        this.classes = classes;
        this.forwardOnly = forwardOnly;
        this.sql = sql;
    }

    public static final MigrationSet EMPTY =
            new MigrationSet(RevisionGraph.of(List.of()), Map.of(), Set.of(), PostgresSql.DIALECT);

    /** The same migrations rendered for another database (their checksums are that database's SQL). */
    public MigrationSet on(SqlDialect other) {
        return other == sql ? this : new MigrationSet(graph, classes, forwardOnly, other);
    }

    /** The renderer these migrations' SQL comes from. */
    public SqlDialect sql() {
        return sql;
    }

    /** The longest {@link Timeouts} element, in seconds: PostgreSQL's limit for both settings. */
    private static final long MAX_TIMEOUT_SECONDS = Retort.MAX_LOCK_TIMEOUT.toSeconds();

    /**
     * Reads the {@link Revision} annotation of each class and builds the graph.
     *
     * @param sourceOf where a class came from (its file), for error messages
     */
    public static MigrationSet of(Collection<Class<?>> candidates, Function<Class<?>, String> sourceOf) {
        List<RevisionNode> nodes = new ArrayList<>();
        Map<String, Class<? extends Migration>> classes = new LinkedHashMap<>();
        Set<String> forwardOnly = new HashSet<>();
        for (Class<?> type : candidates) {
            Revision revision = type.getAnnotation(Revision.class);
            if (revision == null) continue;
            if (!Migration.class.isAssignableFrom(type)) {
                throw new MigrationException(sourceOf.apply(type) + ": class " + type.getName()
                        + " has @Revision but does not implement " + Migration.class.getName());
            }
            nodes.add(RevisionNode.of(revision.id(), List.of(revision.revises()))
                    .withBranchLabels(List.of(revision.branchLabels()))
                    .withDependsOn(List.of(revision.dependsOn()))
                    .withMessage(revision.message())
                    .withSource(sourceOf.apply(type)));
            checkTimeouts(type, sourceOf.apply(type));
            classes.putIfAbsent(revision.id(), type.asSubclass(Migration.class));
            if (revision.forwardOnly()) forwardOnly.add(revision.id());
        }
        return new MigrationSet(RevisionGraph.of(nodes), classes, Set.copyOf(forwardOnly), PostgresSql.DIALECT);
    }

    private static void checkTimeouts(Class<?> type, String source) {
        Timeouts timeouts = type.getAnnotation(Timeouts.class);
        if (timeouts == null) return;
        Map<String, Integer> elements = Map.of("ddl", timeouts.ddl(), "statement", timeouts.statement());
        for (String element : List.of("ddl", "statement")) {
            int seconds = elements.get(element);
            if (seconds != Timeouts.CONFIGURED && (seconds < 0 || seconds > MAX_TIMEOUT_SECONDS)) {
                throw new MigrationException(source + ": class " + type.getName() + ": @Timeouts(" + element + " = "
                        + seconds + ") is out of range: expected 0 to " + MAX_TIMEOUT_SECONDS + " seconds");
            }
        }
    }

    /** The migrations compiled into a package (sub-packages included), found through the class loader. */
    public static MigrationSet inPackage(ClassLoader loader, String packageName) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : ClassScanner.classNames(loader, List.of(), packageName)) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationException("migration class " + name + " cannot be loaded: " + e, e);
            }
        }
        if (classes.stream().noneMatch(c -> c.isAnnotationPresent(Revision.class))) {
            throw new MigrationException("no @Revision migrations found in package " + packageName);
        }
        return of(classes, Class::getName);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** Where a revision was declared: its file in source mode, its class otherwise. */
    public String source(String revision) {
        return graph.node(revision).source();
    }

    /**
     * Both directions of a revision as SQL. A forward-only revision (declared so, or whose
     * {@code downgrade()} throws) has no downgrade, and {@code noDowngrade} says why.
     */
    public record BothWays(RenderedSql upgrade, RenderedSql downgrade, String noDowngrade) {
        /** What the revision does: its upgrade, and its downgrade or the mark that it has none. */
        public String checksum() {
            return RenderedSql.checksum(upgrade, downgrade);
        }
    }

    /** The statements of both directions; an {@code upgrade()} that throws is reported, not run. */
    public BothWays bothWays(String revision) {
        RenderedSql upgrade = render(revision, Direction.UPGRADE);
        if (forwardOnly.contains(graph.node(revision).id()))
            return new BothWays(upgrade, null, "it is declared forward-only");
        try {
            return new BothWays(upgrade, render(revision, Direction.DOWNGRADE), null);
        } catch (MigrationException e) {
            return new BothWays(upgrade, null, "its downgrade() threw " + e.getCause());
        }
    }

    /** The statements one direction of a revision runs; a forward-only revision has no way down. */
    public RenderedSql sql(String revision, Direction direction) {
        if (direction == Direction.UPGRADE) return render(revision, direction);
        return requireDowngrade(revision);
    }

    /** The downgrade of a revision, or an error saying that it has none and why. */
    public RenderedSql requireDowngrade(String revision) {
        BothWays both = bothWays(revision);
        if (both.downgrade() != null) return both.downgrade();
        String id = graph.node(revision).id();
        throw new MigrationException(
                id,
                "revision " + id + " (" + source(revision) + ") cannot be downgraded: " + both.noDowngrade()
                        + "; nothing was run",
                null);
    }

    private RenderedSql render(String revision, Direction direction) {
        return RenderedSql.of(record(revision, direction, new Ops()).steps(), sql);
    }

    /**
     * What one direction of a revision records, into a {@link Ops#traced() traced} recorder, without a database: what
     * {@code retort lint} reads. A method that throws is a {@link MigrationException} naming the revision.
     */
    public Ops record(String revision, Direction direction) {
        return record(revision, direction, Ops.traced());
    }

    /** Whether a revision is declared forward-only ({@code @Revision(forwardOnly = true)}). */
    public boolean isForwardOnly(String revision) {
        return forwardOnly.contains(graph.node(revision).id());
    }

    /** The class that declares a revision, for what it says beside its operations (its annotations). */
    public Class<? extends Migration> type(String revision) {
        return classes.get(graph.node(revision).id());
    }

    private Ops record(String revision, Direction direction, Ops ops) {
        Migration migration = instantiate(revision);
        try {
            if (direction == Direction.UPGRADE) migration.upgrade(ops);
            else migration.downgrade(ops);
        } catch (RuntimeException e) {
            throw new MigrationException(
                    revision,
                    "revision " + revision + ": " + direction.word() + "() of " + source(revision) + " threw " + e,
                    e);
        }
        return ops;
    }

    /** The timeouts a revision's statements run under: the configured ones, with what its {@link Timeouts} overrides. */
    public MigrationTimeouts timeouts(String revision, MigrationTimeouts configured) {
        return configured.over(classes.get(graph.node(revision).id()).getAnnotation(Timeouts.class));
    }

    /** The class that declares a revision, as messages name it. */
    public String className(String revision) {
        return classes.get(graph.node(revision).id()).getName();
    }

    /** What a revision does, as a checksum of its upgrade and downgrade statements. */
    public String checksum(String revision) {
        return bothWays(revision).checksum();
    }

    /** A new instance of the migration for a revision. */
    public Migration instantiate(String revision) {
        Class<? extends Migration> type = classes.get(graph.node(revision).id());
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new MigrationException(
                    revision,
                    "revision " + revision + ": constructor of " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new MigrationException(
                    revision,
                    "revision " + revision + ": cannot instantiate " + type.getName()
                            + " (it needs a no-argument constructor): " + e,
                    e);
        }
    }
}
