package dev.retort.bench;

import dev.retort.bench.ProcessTimer.Run;
import dev.retort.bench.ProcessTimer.Sample;
import dev.retort.bench.Report.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The figures of a chain of small migrations: {@code upgrade head} from an empty database with the
 * compile cache cold and warm, against {@code psql} running the same script ({@code upgrade --sql});
 * then {@code current} and {@code heads}, each a fresh JVM.
 */
final class UpgradeBench {
    private final Bench.Setup setup;
    private final String database;

    UpgradeBench(Bench.Setup setup) {
        this.setup = setup;
        this.database = database(setup.prefix());
    }

    static String database(String prefix) {
        return prefix + "_upgrade";
    }

    void run(int count, Report report, String dumpName, Sample dump) throws Exception {
        Path dir = Bench.emptyDirectory(setup.work().resolve("upgrade"));
        Path project = Files.createDirectories(dir.resolve("project"));
        MigrationWriter.write(count, project.resolve("migrations"));
        Files.writeString(
                project.resolve("retort.properties"),
                "url = " + setup.postgres().url(database) + "\n" + "migrations.package = " + MigrationWriter.PACKAGE
                        + "\n",
                StandardCharsets.UTF_8);
        Path cache = dir.resolve("cache");
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString());
        ProcessTimer timer = setup.timer();
        Postgres postgres = setup.postgres();

        Bench.progress("%d migrations: the psql reference (upgrade head --sql, one transaction per migration)", count);
        Run offline = timer.run(project, environment, setup.retort("upgrade", "head", "--sql"))
                .expectExit(0);
        Path script = Files.writeString(dir.resolve("upgrade.sql"), offline.out(), StandardCharsets.UTF_8);
        long begins = offline.out().lines().filter("BEGIN;"::equals).count();
        long commits = offline.out().lines().filter("COMMIT;"::equals).count();
        long steps = offline.out()
                .lines()
                .filter(l -> l.startsWith("-- Running upgrade"))
                .count();
        // the first migration's transaction also creates the version and history tables
        if (steps != count || begins != count || commits != count) {
            throw offline.failure("expected " + count + " migrations with BEGIN/COMMIT each, found " + steps
                    + " migrations, " + begins + " BEGIN, " + commits + " COMMIT");
        }
        String head = MigrationWriter.id(count);
        ProcessTimer.Verification upgraded = run -> {
            if (!run.expectExit(0).out().contains(head)) throw run.failure("did not reach " + head);
        };
        // in turn, each on a new database: psql, upgrade with the cache emptied, upgrade with the cache the previous
        // run filled
        Bench.progress("%d migrations: psql, upgrade head with the compile cache cold and warm, in turn", count);
        List<Sample> upgrades = timer.interleave(
                setup.runs(),
                List.of(
                        new ProcessTimer.Job(
                                dir,
                                environment,
                                postgres.psql(database, "-f", script.toString()),
                                () -> postgres.recreate(database),
                                run -> run.expectExit(0)),
                        new ProcessTimer.Job(
                                project,
                                environment,
                                setup.retort("upgrade", "head"),
                                () -> {
                                    postgres.recreate(database);
                                    Bench.delete(cache);
                                },
                                upgraded),
                        new ProcessTimer.Job(
                                project,
                                environment,
                                setup.retort("upgrade", "head"),
                                () -> postgres.recreate(database),
                                upgraded)));
        Sample psql = upgrades.get(0);
        Sample cold = upgrades.get(1);
        Sample warm = upgrades.get(2);

        Bench.progress("%d migrations: current and heads", count);
        Sample current = timer.repeat(setup.runs(), project, environment, setup.retort("current"), () -> {}, upgraded);
        Sample heads = timer.repeat(setup.runs(), project, environment, setup.retort("heads"), () -> {}, upgraded);
        Sample headsCold = timer.repeat(
                setup.runs(), project, environment, setup.retort("heads"), () -> Bench.delete(cache), upgraded);

        String psqlName = "psql";
        String label = count + " migrations: ";
        report.add(
                new Report.Row(label + "psql -f upgrade --sql script (reference)", psql, psqlName, psql, Target.NONE));
        report.add(new Report.Row(label + "upgrade head, compile cache cold", cold, psqlName, psql, Target.NONE));
        report.add(new Report.Row(label + "upgrade head, compile cache warm", warm, psqlName, psql, Target.plus(1)));
        report.add(new Report.Row(
                label + "current (cold JVM, compile cache warm)", current, dumpName, dump, Target.seconds(0.5)));
        report.add(new Report.Row(
                label + "heads (cold JVM, compile cache warm)", heads, dumpName, dump, Target.seconds(0.5)));
        report.add(
                new Report.Row(label + "heads (cold JVM, compile cache cold)", headsCold, dumpName, dump, Target.NONE));
    }
}
