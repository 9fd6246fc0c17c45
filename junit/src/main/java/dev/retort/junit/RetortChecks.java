package dev.retort.junit;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.VisibleText;
import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.OpText;
import dev.retort.diff.HazardPolicy;
import dev.retort.diff.Plan;
import dev.retort.entities.EntitySource;
import dev.retort.entities.Naming;
import dev.retort.mariadb.MariaDbScratchDatabases;
import dev.retort.postgres.ScratchDatabases;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.StairwayResult;
import dev.retort.schema.QualifiedName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The checks on a project's migrations, for a test to call (the {@link RetortContract}'s named tests
 * call one each): each runs on a scratch database it creates on the configured server and drops
 * after, also when it fails, unless the configuration says to use the database as it is. A failed
 * check throws an {@link AssertionError} whose message says what is wrong, names and text from the
 * migrations and the entities spelled with their hidden characters visible.
 */
public final class RetortChecks {
    /** The prefix of the scratch databases' names. */
    public static final String SCRATCH_PREFIX = "retort_test_";

    private final RetortExtension.Settings settings;
    private final Consumer<String> scratchCreated;

    RetortChecks(RetortExtension.Settings settings, Consumer<String> scratchCreated) {
        this.settings = requireNonNull(settings, "settings");
        this.scratchCreated = requireNonNull(scratchCreated, "scratchCreated");
    }

    /** The history has exactly one head. */
    public void assertSingleHead() {
        RevisionGraph graph = facade(Retort.configure().offline()).revisions();
        List<String> heads = graph.heads();
        if (heads.size() == 1) return;
        if (heads.isEmpty()) throw new AssertionError("expected a single head: the history has no revision");
        throw new AssertionError(safe("expected a single head, the history has " + heads.size() + ": "
                + String.join(", ", heads) + "; join them with 'retort merge -m MESSAGE heads'"));
    }

    /** {@code upgrade heads} from base succeeds and leaves the database at every head. */
    public void assertUpgradesFromBase() {
        onDatabase((retort, dataSource, dialect) -> {
            requireBase(retort);
            Set<String> heads = Set.copyOf(retort.revisions().heads());
            upgradeHeads(retort, "upgrade heads from base");
            Set<String> current = retort.current();
            if (!current.equals(heads))
                throw new AssertionError(safe("upgrade heads left the database at " + current + ", not at " + heads));
        });
    }

    /**
     * At every head, the entities and the migrations agree: the operations {@code check} would list are
     * none. The failure lists them as {@code check} does.
     */
    public void assertEntitiesMatchMigrations() {
        EntitySource entities = entities();
        onDatabase((retort, dataSource, dialect) -> {
            upgradeHeads(retort, "upgrade heads before comparing with the entities");
            Autogenerate autogenerate = Autogenerate.configure()
                    .dialect(dialect)
                    .schemas(settings.schemas())
                    .leaveOut(Set.of(QualifiedName.of("retort_version"), QualifiedName.of("retort_version_history")))
                    .load();
            Plan plan;
            HazardPolicy hazards;
            try (Connection connection = dataSource.getConnection()) {
                plan = autogenerate.compare(connection, autogenerate.readEntities(entities, connection));
                hazards = Autogenerate.hazards(dialect, connection);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the database failed: " + e.getMessage(), e);
            }
            if (plan.isEmpty()) return;
            StringBuilder message = new StringBuilder(
                    "the entities and the migrations disagree: at heads, check finds new upgrade operations"
                            + " (generate a revision with 'retort revision --autogenerate -m MESSAGE'):");
            for (String line : OpText.listing(plan, hazards))
                message.append('\n').append(safe(line));
            throw new AssertionError(message.toString());
        });
    }

    /**
     * The stairway: from base, each revision in order is upgraded, downgraded (the schema must then be
     * the one its upgrade started from) and upgraded again. Forward-only revisions are applied only.
     * The failure names the first revision that fails and the differences, as the operations that would
     * make its downgrade restore the schema.
     */
    public void assertDowngradesRestore() {
        onDatabase((retort, dataSource, dialect) -> {
            StairwayResult result = retort.stairway();
            result.failure().ifPresent(step -> {
                StringBuilder message = new StringBuilder(safe(step.message() + " (" + step.source() + ")"));
                if (!step.differences().isEmpty()) {
                    message.append(
                            step.outcome() == StairwayResult.Outcome.NOT_RESTORED
                                    ? "; to restore it, its downgrade would also need to:"
                                    : "; to give the same schema, its second upgrade would also need to:");
                    for (String line : OpText.listing(Plan.of(step.differences()), hazards(dataSource, dialect)))
                        message.append('\n').append(safe(line));
                }
                throw new AssertionError(message.toString());
            });
        });
    }

    private EntitySource entities() {
        if (settings.entityPackages().isEmpty()) {
            throw new AssertionError("no entity packages configured: name them in @RetortTest(entityPackages = ...)"
                    + " or RetortExtension.configure().entityPackages(...)");
        }
        return new EntitySource(settings.entityPackages(), settings.entityClasspath(), settings.naming());
    }

    private static void upgradeHeads(Retort retort, String what) {
        try {
            retort.upgrade("heads");
        } catch (MigrationException e) {
            throw new AssertionError(safe(what + " failed: " + e.getMessage()), e);
        }
    }

    private static void backToBase(Retort retort) {
        try {
            retort.downgrade("base");
        } catch (MigrationException e) {
            throw new AssertionError(
                    safe("the check passed, and taking the database as it is back to base failed: " + e.getMessage()),
                    e);
        }
    }

    private void requireBase(Retort retort) {
        Set<String> current = retort.current();
        if (!current.isEmpty()) {
            throw new AssertionError(safe("the database is at " + String.join(", ", current)
                    + ", and this check starts from base: use a scratch database, or give a database at base"));
        }
    }

    /** A check's work on one database, through the facade configured on it or a connection of its own. */
    /** The hazards as the database {@code dataSource} reaches judges them. */
    private static HazardPolicy hazards(DataSource dataSource, Dialect dialect) {
        try (Connection connection = dataSource.getConnection()) {
            return Autogenerate.hazards(dialect, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the database failed: " + e.getMessage(), e);
        }
    }

    private interface Work {
        void run(Retort retort, DataSource dataSource, Dialect dialect);
    }

    /**
     * Runs the work on a new scratch database, dropped after, or on the database as it is; there, a
     * check that found the database at base takes it back to base when it passes, for the next check.
     */
    private void onDatabase(Work work) {
        DataSource given = settings.database().given();
        if (!settings.scratch()) {
            Dialect dialect;
            try (Connection connection = given.getConnection()) {
                dialect = dialectOf(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
            }
            Retort retort = facade(Retort.configure().dataSource(given));
            boolean atBase = retort.current().isEmpty();
            work.run(retort, given, dialect);
            if (atBase) backToBase(retort);
            return;
        }
        try (Connection server = given.getConnection()) {
            Dialect dialect = dialectOf(server);
            String name = createScratch(server, dialect);
            scratchCreated.accept(name);
            try {
                DataSource scratch = settings.database().named(name, dialect);
                work.run(facade(Retort.configure().dataSource(scratch)), scratch, dialect);
            } catch (RuntimeException | Error failure) {
                try {
                    release(server, dialect, name);
                } catch (RuntimeException dropping) {
                    failure.addSuppressed(dropping);
                }
                throw failure;
            }
            release(server, dialect, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the server: " + e.getMessage(), e);
        }
    }

    /** The server's database, read from the connection; on MariaDB only the default schema is allowed. */
    private Dialect dialectOf(Connection connection) throws SQLException {
        Dialect dialect = Dialect.ofUrl(connection.getMetaData().getURL());
        if (dialect == Dialect.MARIADB && !settings.schemas().equals(List.of("public")))
            throw new IllegalStateException(safe("schemas " + String.join(", ", settings.schemas())
                    + ": on MariaDB the checks work in the one database they are given (a scratch one, or the"
                    + " URL's), its default schema; leave schemas unset"));
        return dialect;
    }

    /**
     * Drops the scratch databases of checks whose process was killed, then creates one held by this
     * connection's session for as long as it is open: a sweep by another run leaves it alone, and if this
     * one is killed the next run's sweep drops it.
     */
    private static String createScratch(Connection server, Dialect dialect) {
        try {
            if (dialect == Dialect.MARIADB) {
                MariaDbScratchDatabases.sweep(server, SCRATCH_PREFIX);
                return MariaDbScratchDatabases.createHeld(server, SCRATCH_PREFIX);
            }
            ScratchDatabases.sweep(server, SCRATCH_PREFIX);
            return ScratchDatabases.createHeld(server, SCRATCH_PREFIX);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a scratch database on the server (the user needs "
                            + (dialect == Dialect.MARIADB ? "the CREATE and DROP privileges" : "CREATEDB")
                            + ", or use the database as it is): " + e.getMessage(),
                    e);
        }
    }

    private static void release(Connection server, Dialect dialect, String name) {
        try {
            if (dialect == Dialect.MARIADB) MariaDbScratchDatabases.release(server, name);
            else ScratchDatabases.release(server, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the scratch database " + name + ": " + e.getMessage(), e);
        }
    }

    private Retort facade(Retort.Builder builder) {
        builder.schemas(settings.schemas().toArray(String[]::new));
        if (settings.migrationsDirectory() != null) builder.migrationsDirectory(settings.migrationsDirectory());
        else builder.migrationsPackage(settings.migrationsPackage());
        return builder.load();
    }

    static String safe(String text) {
        return VisibleText.of(text, false);
    }

    static List<Path> paths(String[] entries) {
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) paths.add(Path.of(entry));
        return paths;
    }

    static Naming naming(String value) {
        return new Naming(value);
    }
}
