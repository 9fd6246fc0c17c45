package dev.retort.cli;

import dev.retort.revision.RevisionNode;
import dev.retort.runtime.Direction;
import dev.retort.runtime.MigrationListener;

/** Prints what the runner does, the way Alembic does: {@code Running upgrade a -> b, message}. */
final class Progress implements MigrationListener {
    private final RetortCommand root;
    private boolean progressed;

    Progress(RetortCommand root) {
        this.root = root;
    }

    @Override
    public void migrating(Direction direction, RevisionNode node) {
        String revises = Revisions.revises(node);
        String step = direction == Direction.UPGRADE ? revises + " -> " + node.id() : node.id() + " -> " + revises;
        root.info("Running " + direction.word() + " " + step + ", " + node.message());
    }

    @Override
    public void progress(String line) {
        progressed = true;
        root.info(line);
    }

    /** Whether the runner resumed or undid a run left halfway (which no revision counts). */
    boolean progressed() {
        return progressed;
    }

    @Override
    public void waitingForLock(String holder) {
        root.info("Waiting for the migration lock, held by " + holder + " ...");
    }
}
