package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB server the benchmark uses with {@code --dialect mariadb}, reached through {@code mariadb} and {@code
 * mariadb-dump}; or the MySQL server of {@code --dialect mysql}, loaded through the same client and dumped by MySQL's
 * own {@code mysqldump} (in the MySQL root {@code .ci/run} makes, {@code RETORT_MYSQL_ROOT} or {@code
 * /var/lib/retort-mysql/root}, when it is there; the one on the {@code PATH} otherwise).
 */
final class MariaDb {
    private final String host;
    private final int port;
    private final String user;
    private final boolean mySql;

    MariaDb(String host, int port, String user) {
        this(host, port, user, false);
    }

    MariaDb(String host, int port, String user, boolean mySql) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.mySql = mySql;
    }

    boolean mySql() {
        return mySql;
    }

    /** The server's name, as the report says it. */
    String name() {
        return mySql ? "MySQL" : "MariaDB";
    }

    /** The reference's name, as the report says it. */
    String dumpName() {
        return (mySql ? "mysqldump" : "mariadb-dump") + " --no-data";
    }

    String url(String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    /** The client on a database (or none), over TCP, stopping at the first error, without reading option files. */
    List<String> client(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "mariadb", "--no-defaults", "--protocol=TCP", "-h", host, "-P", String.valueOf(port), "-u", user));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The reference: the schema of a database, without its rows, to standard output. */
    List<String> schemaDump(String database) {
        List<String> command = new ArrayList<>();
        if (mySql) {
            Path root = Path.of(System.getenv().getOrDefault("RETORT_MYSQL_ROOT", "/var/lib/retort-mysql/root"));
            if (Files.isExecutable(root.resolve("usr/bin/mysqldump")))
                command.addAll(List.of("chroot", root.toString()));
            // a partial dump of a server with GTIDs says so on stderr unless told not to add them
            command.addAll(List.of("mysqldump", "--no-defaults", "--set-gtid-purged=OFF"));
        } else command.addAll(List.of("mariadb-dump", "--no-defaults"));
        command.addAll(
                List.of("--no-data", "--protocol=TCP", "-h", host, "-P", String.valueOf(port), "-u", user, database));
        return command;
    }

    void recreate(String database) throws IOException, InterruptedException {
        drop(database);
        run(client("-e", "CREATE DATABASE " + database), null);
    }

    void drop(String database) throws IOException, InterruptedException {
        run(client("-e", "DROP DATABASE IF EXISTS " + database), null);
    }

    void load(String database, Path script) throws IOException, InterruptedException {
        run(client(database), script);
    }

    String version() throws IOException, InterruptedException {
        return run(client("-N", "-B", "-e", "SELECT VERSION()"), null).strip();
    }

    private static String run(List<String> command, Path input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectInput(input == null ? new File("/dev/null") : input.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0)
            throw new BenchException(command, String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
