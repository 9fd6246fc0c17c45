package dev.retort.runtime;

import dev.retort.revision.RevisionNode;
import java.time.Duration;

/** One migration a run applied: which, which way, and how long it took. */
public record AppliedMigration(Direction direction, RevisionNode revision, Duration duration) {}
