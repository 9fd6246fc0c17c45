package dev.retort.bench;

import dev.retort.postgres.ExpressionCanonicalizer;
import dev.retort.postgres.PostgresIntrospector;
import dev.retort.postgres.SchemaScope;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

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
            Schema schema = PostgresIntrospector.read(connection, new SchemaScope(List.of("public"), Set.of()));
            long read = System.nanoTime();
            schema = ExpressionCanonicalizer.canonicalize(connection, schema);
            long canonical = System.nanoTime();
            System.out.println(schema.tables().size() + " tables");
            // where the time goes inside the process, beside the whole process's time the bench measures
            System.err.printf("connect %d ms, read %d ms, canonicalize %d ms%n", (start - began) / 1_000_000,
                    (read - start) / 1_000_000, (canonical - read) / 1_000_000);
        }
    }
}
