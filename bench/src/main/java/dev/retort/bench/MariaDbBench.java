package dev.retort.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.meta.ColumnDefinition;
import org.jooq.meta.IndexDefinition;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.mariadb.MariaDBDatabase;

/**
 * MariaDB introspection at N tables against {@code mariadb-dump --no-data} of the same database, each a
 * whole process, median of the runs after one warm-up, in turn; then the number of queries each reader
 * sends, counted in the server's general log: Retort's reader, and jOOQ-meta's own table, column and
 * index readers over the same database. The tables are the benchmark's shape in MariaDB's spelling:
 * thirteen typed columns, a primary key, a unique key, two indexes and a foreign key each.
 *
 * <pre>java -cp ... dev.retort.bench.MariaDbBench [N] [RUNS] [SERVER_URL]</pre>
 */
public final class MariaDbBench {
    private MariaDbBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String server = args.length > 2 ? args[2] : "jdbc:mariadb://127.0.0.1:3306/?user=root";
        String database = "retort_bench_mariadb_" + n;
        String url = server.replace("3306/", "3306/" + database);
        try (Connection admin = DriverManager.getConnection(server);
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database);
            st.execute("USE " + database);
            for (int i = 0; i < n; i++) st.execute(table(i));
        }
        try {
            ProcessTimer timer = new ProcessTimer(Files.createTempDirectory("retort-mariadb-bench"));
            Path here = Path.of(".").toAbsolutePath();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> introspect =
                    List.of(java, "-cp", System.getProperty("java.class.path"), MariaDbIntrospect.class.getName(), url);
            List<String> dump = List.of(
                    "mariadb-dump",
                    "--no-data",
                    "--protocol=TCP",
                    "-h",
                    "127.0.0.1",
                    "-P",
                    "3306",
                    "-u",
                    "root",
                    database);
            List<ProcessTimer.Sample> samples = timer.interleave(
                    runs,
                    List.of(
                            new ProcessTimer.Job(here, Map.of(), dump, () -> {}, r -> r.expectExit(0)),
                            new ProcessTimer.Job(here, Map.of(), introspect, () -> {}, r -> {
                                r.expectExit(0);
                                if (!r.out().strip().equals(n + " tables"))
                                    throw r.failure("read " + r.out().strip());
                            })));
            double dumpSeconds = samples.get(0).medianSeconds();
            double readSeconds = samples.get(1).medianSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "N=%d, %d runs: mariadb-dump --no-data %.3f s (%.0f MB), introspection %.3f s (%.0f MB): %.2fx%n",
                    n,
                    runs,
                    dumpSeconds,
                    samples.get(0).medianRssMb(),
                    readSeconds,
                    samples.get(1).medianRssMb(),
                    readSeconds / dumpSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "queries: Retort's reader %d%n",
                    queries(server, url, c -> dev.retort.mariadb.MariaDbIntrospector.read(c)));
            System.out.printf(
                    Locale.ROOT,
                    "queries: jOOQ-meta's tables, columns and indexes %d%n",
                    queries(server, url, c -> jooqRead(c, database)));
        } finally {
            try (Connection admin = DriverManager.getConnection(server);
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static String table(int i) {
        String reference = i == 0
                ? ""
                : ", CONSTRAINT t" + i + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t" + (i - 1) + " (id)";
        return "CREATE TABLE t" + i + " (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, code varchar(40) NOT NULL,"
                + " name varchar(200), body text, qty int NOT NULL DEFAULT 0, price decimal(12,2), active boolean NOT NULL"
                + " DEFAULT 1, created timestamp NOT NULL DEFAULT current_timestamp(), due date, token uuid, doc json,"
                + " parent_id bigint, note varchar(100) COMMENT 'a note', UNIQUE KEY t" + i + "_code (code), KEY t" + i
                + "_name (name), KEY t" + i + "_due (due, qty)" + reference + ") ENGINE=InnoDB";
    }

    interface Read {
        void run(Connection connection) throws Exception;
    }

    /**
     * The queries the server's general log records from the connection {@code read} runs on (the log on
     * only meanwhile; other sessions' queries, the server's own or other clients', are not counted).
     */
    private static long queries(String server, String url, Read read) throws Exception {
        try (Connection admin = DriverManager.getConnection(server);
                Statement st = admin.createStatement();
                Connection reader = DriverManager.getConnection(url)) {
            long id;
            try (Statement own = reader.createStatement();
                    ResultSet rs = own.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            st.execute("SET GLOBAL log_output = 'TABLE'");
            st.execute("TRUNCATE TABLE mysql.general_log");
            st.execute("SET GLOBAL general_log = 1");
            try {
                read.run(reader);
            } finally {
                st.execute("SET GLOBAL general_log = 0");
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM mysql.general_log WHERE command_type = 'Query' AND thread_id = " + id)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** jOOQ-meta's own reading of every table's columns and indexes, as its code generator reads them. */
    private static void jooqRead(Connection connection, String database) throws SQLException {
        MariaDBDatabase meta = new MariaDBDatabase();
        meta.setConnection(connection);
        meta.setConfiguredSchemata(List.of(new SchemaMappingType().withInputSchema(database)));
        SchemaDefinition schema = meta.getSchema(database);
        List<String> seen = new ArrayList<>();
        for (TableDefinition table : meta.getTables(schema)) {
            for (ColumnDefinition column : table.getColumns()) seen.add(column.getName());
            for (IndexDefinition index : table.getIndexes()) seen.add(index.getName());
            table.getPrimaryKey();
            table.getForeignKeys();
        }
        if (seen.isEmpty()) throw new SQLException("jOOQ-meta read nothing");
    }
}
