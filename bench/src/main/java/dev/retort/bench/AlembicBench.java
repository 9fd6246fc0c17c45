package dev.retort.bench;

import dev.retort.bench.ProcessTimer.Run;
import dev.retort.bench.ProcessTimer.Sample;
import dev.retort.bench.Report.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Alembic's {@code revision --autogenerate} on the SQLAlchemy equivalent of the entities, against the
 * same database, timed like Retort's, for comparison. It runs where Debian's {@code python3-alembic}
 * and {@code python3-psycopg2} are installed (for {@code /usr/bin/python3}).
 */
final class AlembicBench {
    static final String PYTHON = "/usr/bin/python3";

    private final Bench.Setup setup;

    AlembicBench(Bench.Setup setup) {
        this.setup = setup;
    }

    /** Alembic's version, or null when it, SQLAlchemy or psycopg2 cannot be imported. */
    static String version() {
        if (!Files.isExecutable(Path.of(PYTHON))) return null;
        try {
            Process process = new ProcessBuilder(
                            PYTHON,
                            "-c",
                            "import alembic, sqlalchemy, psycopg2; "
                                    + "print('Alembic ' + alembic.__version__ + ', SQLAlchemy ' + sqlalchemy.__version__)")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Times Alembic's autogenerate at {@code n} tables into the report and returns what it found: the
     * operations against the database and against the entities' own schema (which should be none).
     */
    Found run(int n, Model entities, String database, String twin, Sample dump, Report report) throws Exception {
        Path dir = Bench.emptyDirectory(setup.work().resolve("n" + n).resolve("alembic"));
        AlembicWriter.write(entities, setup.postgres().sqlAlchemyUrl(database), dir);
        Files.writeString(
                dir.resolve("twin.ini"),
                Files.readString(dir.resolve("alembic.ini"), StandardCharsets.UTF_8)
                        .replace(
                                setup.postgres().sqlAlchemyUrl(database),
                                setup.postgres().sqlAlchemyUrl(twin)),
                StandardCharsets.UTF_8);
        Path versions = dir.resolve("alembic/versions");
        ProcessTimer timer = setup.timer();
        Map<String, String> environment = Map.of("PYTHONDONTWRITEBYTECODE", "1");
        List<String> command = List.of(PYTHON, "-m", "alembic", "revision", "--autogenerate", "-m", "bench");

        Bench.progress("N=%d: Alembic against the entities' own schema", n);
        List<String> twinCommand =
                List.of(PYTHON, "-m", "alembic", "-c", "twin.ini", "revision", "--autogenerate", "-m", "bench");
        Run exact = timer.run(dir, environment, twinCommand).expectExit(0);
        Bench.emptyDirectory(versions);
        Bench.progress("N=%d: Alembic revision --autogenerate", n);
        Run[] last = new Run[1];
        Sample sample = timer.repeat(
                setup.runs(),
                dir,
                environment,
                command,
                () -> Bench.emptyDirectory(versions),
                run -> last[0] = run.expectExit(0));
        report.add(new Report.Row(
                "N=" + n + ": alembic revision --autogenerate (for comparison)",
                sample,
                "pg_dump -s",
                dump,
                Target.NONE));
        return new Found(detected(last[0]), detected(exact));
    }

    /** What Alembic detected against the database, and against the entities' own schema. */
    record Found(List<String> operations, List<String> falsePositives) {}

    /** Alembic logs each operation it detects as {@code INFO [alembic.autogenerate.compare] Detected ...}. */
    private static List<String> detected(Run run) {
        return (run.err() + run.out())
                .lines()
                .filter(l -> l.contains("[alembic.autogenerate.compare] Detected "))
                .map(l -> l.substring(l.indexOf("Detected ") + "Detected ".length())
                        .strip())
                .toList();
    }
}
