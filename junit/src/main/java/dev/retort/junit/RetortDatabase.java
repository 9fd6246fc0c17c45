package dev.retort.junit;

import static java.util.Objects.requireNonNull;

import dev.retort.Dialect;
import dev.retort.runtime.internal.Redaction;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Where the checks find PostgreSQL or MariaDB: a server on which they create a scratch database per check, or
 * a database they use as it is. Read when a check runs, not when the test class is built, so that a
 * container started by another extension can provide it.
 */
public final class RetortDatabase {
    private final Supplier<DataSource> given;
    /**
     * The same server's database of a name; null when it cannot be worked out from the DataSource alone (on
     * MariaDB, the given DataSource's connections switched to that database: {@link CatalogSwitch}).
     */
    private final Function<String, DataSource> named;

    private RetortDatabase(Supplier<DataSource> given, Function<String, DataSource> named) {
        this.given = given;
        this.named = named;
    }

    /**
     * A JDBC URL, {@code jdbc:postgresql:} or {@code jdbc:mariadb:}, with a user and a password (either may be
     * null, then the URL's are used).
     */
    public static RetortDatabase url(String url, String user, String password) {
        requireNonNull(url, "url");
        return url(() -> url, () -> user, () -> password);
    }

    /** The same, each read when a check runs (a container's URL is known once it has started). */
    public static RetortDatabase url(Supplier<String> url, Supplier<String> user, Supplier<String> password) {
        requireNonNull(url, "url");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        Function<String, DataSource> postgres = database -> {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(requireNonNull(url.get(), "url"));
            if (user.get() != null) dataSource.setUser(user.get());
            if (password.get() != null) dataSource.setPassword(password.get());
            if (database != null) dataSource.setDatabaseName(database);
            return dataSource;
        };
        Supplier<DataSource> given = () -> {
            String at = requireNonNull(url.get(), "url");
            return Dialect.ofUrl(at) == Dialect.MARIADB
                    ? mariaDb(at, user.get(), password.get())
                    : postgres.apply(null);
        };
        // a MariaDB URL's scratch databases are reached through its connections, switched to them
        return new RetortDatabase(
                given, database -> Dialect.ofUrl(url.get()) == Dialect.MARIADB ? null : postgres.apply(database));
    }

    /**
     * The application's DataSource. The PostgreSQL driver's own ({@code PGSimpleDataSource} and its kin) is
     * copied to reach the scratch databases; on MariaDB any DataSource reaches them, its connections switched to
     * the scratch database ({@code Connection.setCatalog}) and back when closed. Another PostgreSQL DataSource can
     * only be used as it is, unless {@link #dataSource(DataSource, Function)} says how to reach a database of
     * another name.
     */
    public static RetortDatabase dataSource(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource");
        if (!(dataSource instanceof BaseDataSource driver)) return new RetortDatabase(() -> dataSource, null);
        return new RetortDatabase(() -> dataSource, database -> {
            PGSimpleDataSource copy = new PGSimpleDataSource();
            copy.setURL(driver.getURL());
            if (driver.getUser() != null) copy.setUser(driver.getUser());
            if (driver.getPassword() != null) copy.setPassword(driver.getPassword());
            copy.setDatabaseName(database);
            return copy;
        });
    }

    /** A DataSource, and the DataSource of another database of the same server, given its name. */
    public static RetortDatabase dataSource(DataSource dataSource, Function<String, DataSource> sameServer) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(sameServer, "sameServer");
        return new RetortDatabase(() -> dataSource, sameServer);
    }

    /** The database as given: where scratch databases are created from, or where checks run as it is. */
    DataSource given() {
        return given.get();
    }

    /**
     * The server's database of that name, on the server's {@code dialect} (read from a connection of the given
     * DataSource); an error saying what to do when it cannot be reached.
     */
    DataSource named(String database, Dialect dialect) {
        DataSource found = named == null ? null : named.apply(database);
        if (found != null) return found;
        if (dialect == Dialect.MARIADB) return CatalogSwitch.of(given(), database);
        throw new IllegalStateException("a " + given.get().getClass().getName()
                + " cannot be pointed at a scratch database: give RetortDatabase.dataSource a function from a"
                + " database name to its DataSource, a JDBC URL, or use the database as it is");
    }

    /** The MariaDB driver's DataSource for a URL; a URL it cannot read is an error naming the setting. */
    private static DataSource mariaDb(String url, String user, String password) {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(url);
            if (user != null) dataSource.setUser(user);
            if (password != null) dataSource.setPassword(password);
            return dataSource;
        } catch (SQLException e) {
            Redaction redaction = Redaction.of(url, password);
            throw new IllegalStateException(
                    "the MariaDB driver cannot read the database URL: " + redaction.text(e.getMessage()),
                    redaction.exception(e));
        }
    }
}
