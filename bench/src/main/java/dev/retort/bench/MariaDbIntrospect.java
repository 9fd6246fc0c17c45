package dev.retort.bench;

import dev.retort.mariadb.MariaDbCatalog;
import dev.retort.mariadb.MariaDbIntrospector;
import java.sql.Connection;
import java.sql.DriverManager;

/** MariaDB introspection alone, as its own process: reads the URL's database and prints the table count. */
public final class MariaDbIntrospect {
    private MariaDbIntrospect() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: MariaDbIntrospect JDBC_URL");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0])) {
            MariaDbCatalog catalog = MariaDbIntrospector.read(connection);
            System.out.println(catalog.schema().tables().size() + " tables");
        }
    }
}
