package dev.retort.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A migration that stopped halfway on a database without transactional DDL (MariaDB), where each statement
 * commits: which of its statements ran, and how to go on ({@code upgrade} resumes, {@code downgrade} undoes).
 *
 * @param ran the SQL of each statement that committed, in order (as the migration renders now)
 * @param next the statement that failed or was about to run, null when none is left
 * @param edited whether the migration renders differently now than when it ran (its checksum changed)
 */
public record PartialRun(
        String revision,
        Direction direction,
        String status,
        int total,
        List<String> ran,
        String next,
        String error,
        boolean edited) {
    public PartialRun {
        ran = List.copyOf(ran);
    }

    /** What the run left, one line for the revision and one per statement that ran. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("revision " + revision + " is partly applied (" + direction.word() + " " + status + "): "
                + ran.size() + " of its " + total + " statements ran"
                + (error == null ? "" : ", then statement " + (ran.size() + 1) + " failed: " + error)
                + (edited ? "; its migration has been edited since" : ""));
        for (int i = 0; i < ran.size(); i++) lines.add("  ran " + (i + 1) + ". " + ran.get(i));
        return lines;
    }
}
