package dev.retort.bench;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Introspection alone, as its own process: reads the {@code public} schema of a database the way
 * {@code retort check} does (catalog, then canonical expressions) and prints the table count.
 */
public final class Introspect {
    private Introspect() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Introspect JDBC_URL");
            System.exit(2);
        }
        long began = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(args[0])) {
            long start = System.nanoTime();
            Schema schema = Autogenerate.configure().schemas("public").load().readDatabase(connection);
            long read = System.nanoTime();
            System.out.println(schema.tables().size() + " tables");
            // where the time goes inside the process, beside the whole process's time the bench measures
            System.err.printf(
                    "connect %d ms, read and canonicalize %d ms%n",
                    (start - began) / 1_000_000, (read - start) / 1_000_000);
        }
    }
}
