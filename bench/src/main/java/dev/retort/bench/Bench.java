package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark driver, run by {@code bench/run}: generates the schema and entities at each N, loads
 * them into PostgreSQL, times Retort's commands as whole processes against {@code pg_dump -s} and
 * {@code psql}, and prints a Markdown table of the figures and targets.
 */
public final class Bench {
    private static final String USAGE =
            "usage: bench/run [--dialect postgresql|mariadb|mysql] [--tables 100,1000] [--runs 5] [--migrations 200]"
                    + " [--out FILE] [--keep] [--no-alembic] [--floor] [--prefix retort_bench] [--host 127.0.0.1] [--port 5432|3306]"
                    + " [--user postgres|root]";

    /** What every part of the benchmark runs with. */
    record Setup(
            Path jar,
            Path launcher,
            Path benchClasses,
            Path work,
            List<String> java,
            Postgres postgres,
            ProcessTimer timer,
            int runs,
            String alembic,
            String prefix,
            boolean floor) {
        /** Retort as users run it: the {@code retort} launcher (its JVM options and class-data archive), on the copied jar. */
        List<String> retort(String... arguments) {
            List<String> command = new ArrayList<>(List.of("env", "RETORT_JAR=" + jar, launcher.toString()));
            command.addAll(Arrays.asList(arguments));
            return command;
        }

        /**
         * The catalog read alone, run as the launcher runs Retort: its JVM options (as in
         * {@code ./retort}; keep them in step) and its class-data archive, which serves a class path
         * that starts with the jar.
         */
        List<String> introspect(String url) {
            return introspect(Introspect.class, url);
        }

        /** The same, through another reader's main class (MariaDB's, {@link MariaDbIntrospect}). */
        List<String> introspect(Class<?> reader, String url) {
            Path archive = jar.resolveSibling(jar.getFileName() + ".jsa");
            return launched(
                    reader,
                    Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : null,
                    benchClasses,
                    url);
        }

        /**
         * A main class of the bench run as {@link #introspect} runs it, with the archive option given (or none), on the
         * jar and {@code mainPath}, where the main class is.
         */
        List<String> launched(Class<?> main, String archiveOption, Path mainPath, String... arguments) {
            List<String> command = new ArrayList<>(java);
            command.addAll(List.of(
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseParallelGC",
                    "-XX:-UsePerfData",
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
            if (archiveOption != null) command.add(archiveOption);
            command.addAll(List.of("-cp", jar + File.pathSeparator + mainPath, main.getName()));
            command.addAll(Arrays.asList(arguments));
            return command;
        }
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> tables = List.of(100, 1000);
        int runs = 5;
        int migrations = 200;
        boolean keep = false;
        boolean alembic = true;
        String host = "127.0.0.1";
        Integer port = null;
        String user = null;
        boolean mariaDb = false;
        boolean mySql = false;
        boolean floor = false;
        String prefix = "retort_bench";
        Path root =
                Path.of(System.getProperty("retort.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("bench/target/results.md");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tables" ->
                        tables = Arrays.stream(args[++i].split(","))
                                .map(String::strip)
                                .map(Integer::valueOf)
                                .toList();
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--migrations" -> migrations = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                    case "--keep" -> keep = true;
                    case "--no-alembic" -> alembic = false;
                    case "--floor" -> floor = true;
                    case "--prefix" -> {
                        prefix = args[++i];
                        if (!prefix.matches("[a-z][a-z0-9_]{0,30}"))
                            throw new IllegalArgumentException("--prefix: lower-case letters, digits and _, not "
                                    + prefix.replaceAll("\\P{Print}", "?"));
                    }
                    case "--host" -> host = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--user" -> user = args[++i];
                    case "--dialect" -> {
                        String dialect = args[++i];
                        if (!dialect.equals("mariadb") && !dialect.equals("postgresql") && !dialect.equals("mysql"))
                            throw new IllegalArgumentException("--dialect: postgresql, mariadb or mysql, not "
                                    + dialect.replaceAll("\\P{Print}", "?"));
                        mySql = dialect.equals("mysql");
                        mariaDb = mySql || dialect.equals("mariadb");
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (runs < 1 || migrations < 1 || tables.isEmpty()) throw new IllegalArgumentException("nothing to run");
            if (floor && (!mariaDb || mySql))
                throw new IllegalArgumentException("--floor: only with --dialect mariadb");
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? USAGE : e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        Path work = root.resolve("bench/target/bench");
        Postgres postgres = new Postgres(host, port == null ? 5432 : port, user == null ? "postgres" : user);
        // MySQL on the port .ci/run starts it on, beside MariaDB's
        MariaDb mariaDbServer =
                new MariaDb(host, port == null ? (mySql ? 3307 : 3306) : port, user == null ? "root" : user, mySql);
        // a copy, so a rebuild of the jar during the run cannot mix two versions of Retort in one report
        Path jar = Files.copy(
                root.resolve("cli/target/retort.jar"),
                Files.createDirectories(work).resolve("retort.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(work.resolve("retort.jar.jsa"));
        Setup setup = new Setup(
                jar,
                root.resolve("retort"),
                root.resolve("bench/target/classes"),
                work,
                java(),
                postgres,
                new ProcessTimer(work.resolve("process")),
                runs,
                alembic ? AlembicBench.version() : null,
                prefix,
                floor);
        // the launcher trains the jar's class-data archive at its first run after an install; do it before timing
        // anything
        new ProcessBuilder(setup.retort("--help"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
        String server =
                mariaDb ? mariaDbServer.name() + " " + mariaDbServer.version() : "PostgreSQL " + postgres.version();
        String header = "# Retort benchmark\n\nmachine: " + machine(server) + "\n\ncommand: `"
                + String.join(" ", "bench/run", String.join(" ", args)).strip() + "` (median of " + runs
                + " runs after one warm-up; wall time and peak RSS of the whole process)\n\n";
        System.err.print(header);
        Report report = new Report();
        List<String> notes = new ArrayList<>();
        if (mariaDb) {
            try {
                for (int n : tables) new MariaDbTableBench(setup, mariaDbServer).run(n, report, notes);
            } finally {
                if (!keep) {
                    for (int n : tables) {
                        mariaDbServer.drop(MariaDbTableBench.database(prefix, n, mySql));
                        mariaDbServer.drop(MariaDbTableBench.database(prefix, n, mySql) + "_entities");
                    }
                }
            }
            write(
                    out,
                    header + report.markdown() + "\n"
                            + String.join(
                                    "\n", notes.stream().map(n -> "- " + n).toList()) + "\n");
            return;
        }
        try {
            new EmbeddedBench(setup).run(report);
            ProcessTimer.Sample firstDump = null;
            for (int n : tables) {
                ProcessTimer.Sample dump = new TableBench(setup).run(n, report, notes);
                if (firstDump == null) firstDump = dump;
            }
            new UpgradeBench(setup).run(migrations, report, "pg_dump -s@" + tables.get(0), firstDump);
        } finally {
            if (!keep) {
                for (int n : tables) {
                    postgres.drop(prefix + "_n" + n);
                    postgres.drop(prefix + "_n" + n + "_entities");
                }
                postgres.drop(UpgradeBench.database(prefix));
            }
        }
        String text = header + report.markdown() + "\n"
                + String.join("\n", notes.stream().map(n -> "- " + n).toList()) + "\n- Alembic autogenerate: "
                + alembicNote(setup.alembic(), alembic) + "\n";
        write(out, text);
    }

    private static void write(Path out, String text) throws IOException {
        System.out.print(text);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.err.println("written to " + out);
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String options = System.getenv("RETORT_JAVA_OPTS");
        if (options != null && !options.isBlank())
            command.addAll(Arrays.asList(options.strip().split("\\s+")));
        return command;
    }

    private static String machine(String server) throws IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(
                        Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst()
                .orElse("?");
        String load = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)
                .split(" ")[0];
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " memory, load " + load
                + " at start, " + server + ", JDK " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String alembicNote(String version, boolean wanted) {
        if (version != null)
            return "timed (" + version
                    + " from Debian's packages, on /usr/bin/python3), rows marked \"for comparison\"";
        return wanted
                ? "not timed (Debian's python3-alembic and python3-psycopg2 are not both installed)"
                : "not timed (--no-alembic)";
    }

    static void progress(String format, Object... arguments) {
        System.err.println("== " + String.format(Locale.ROOT, format, arguments));
    }

    /** Deletes a file or directory tree, if present. */
    static void delete(Path path) {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path emptyDirectory(Path path) throws IOException {
        delete(path);
        return Files.createDirectories(path);
    }
}
