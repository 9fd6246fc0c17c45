package dev.retort.runtime;

import dev.retort.revision.RevisionNode;

/** Told what the runner is doing, for progress output. */
public interface MigrationListener {
    default void migrating(Direction direction, RevisionNode revision) {}

    default void waitingForLock(String holder) {}

    /**
     * What the runner does besides running a revision, as one line: on a database without transactional DDL, resuming
     * or undoing the statements of a run left halfway ({@code Undoing statements 1-2 of the upgrade of ...}).
     */
    default void progress(String line) {}
}
