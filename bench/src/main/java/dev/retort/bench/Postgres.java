package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL server the benchmark uses, reached through {@code psql} and {@code pg_dump}. */
final class Postgres {
    private final String host;
    private final int port;
    private final String user;

    Postgres(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    /** The same database as SQLAlchemy names it, through psycopg2. */
    String sqlAlchemyUrl(String database) {
        return "postgresql+psycopg2://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** {@code psql} on a database, quiet, stopping at the first error, without reading {@code ~/.psqlrc}. */
    List<String> psql(String database, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "psql",
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                host,
                "-p",
                String.valueOf(port),
                "-U",
                user,
                "-d",
                database));
        command.addAll(List.of(arguments));
        return command;
    }

    List<String> schemaDump(String database, Path file) {
        return List.of(
                "pg_dump", "-s", "-h", host, "-p", String.valueOf(port), "-U", user, "-f", file.toString(), database);
    }

    void recreate(String database) throws IOException, InterruptedException {
        drop(database);
        run(psql("postgres", "-c", "CREATE DATABASE " + database));
    }

    void drop(String database) throws IOException, InterruptedException {
        run(psql("postgres", "-c", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
    }

    /** Runs a script, each statement in its own transaction (one for thousands of tables needs more locks than a default server has). */
    void load(String database, Path script) throws IOException, InterruptedException {
        run(psql(database, "-f", script.toString()));
    }

    String version() throws IOException, InterruptedException {
        return run(psql("postgres", "-tAc", "SHOW server_version")).strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0)
            throw new BenchException(command, String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
