package dev.retort.embedded.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Embedded servers left by runs that were killed: each one's server stopped ({@code pg_ctl stop -m immediate}
 * as its user, or its postmaster killed when that user is not the one this run may switch to) and its run
 * directory deleted.
 */
public final class Leftovers {
    private Leftovers() {}

    /** Removes the orphaned run directories under {@code parent}; returns how many. */
    public static int sweep(Path parent, ServerUser user) {
        int removed = 0;
        for (RunDirectory orphan : RunDirectory.orphans(parent)) {
            stop(orphan, user);
            Tree.deleteQuietly(orphan.path());
            if (!Files.exists(orphan.path())) removed++;
        }
        return removed;
    }

    /** Stops the server of a run directory, if it still runs. */
    static void stop(RunDirectory run, ServerUser user) {
        Optional<Long> postmaster = run.postmaster();
        if (postmaster.isEmpty()) return;
        Optional<Properties> owner = run.owner();
        String pgCtl = owner.map(o -> o.getProperty("pg_ctl")).orElse("");
        boolean sameUser =
                owner.map(o -> user.name().equals(o.getProperty("user"))).orElse(false);
        if (sameUser && Files.isExecutable(Path.of(pgCtl))) {
            try {
                ServerProcess.run(
                        user,
                        List.of(pgCtl, "-D", run.data().toString(), "-m", "immediate", "-w", "-s", "stop"),
                        run.log(),
                        30,
                        "pg_ctl stop");
                return;
            } catch (RuntimeException notRunning) {
                // a stale postmaster.pid: the process below is checked before it is killed
            }
        }
        ProcessHandle.of(postmaster.get())
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(ProcessHandle::destroyForcibly);
    }
}
