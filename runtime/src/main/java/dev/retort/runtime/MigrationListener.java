package dev.retort.runtime;

import dev.retort.revision.RevisionNode;

/** Told what the runner is doing, for progress output. */
public interface MigrationListener {
    default void migrating(Direction direction, RevisionNode revision) {}

    default void waitingForLock(String holder) {}
}
