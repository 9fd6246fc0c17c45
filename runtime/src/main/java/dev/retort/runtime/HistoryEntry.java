package dev.retort.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One row of the history table: a run of one revision; {@code accept} rows record a deliberately accepted edit.
 *
 * @param progress on a database without transactional DDL (MariaDB), how far a run that did not complete got;
 *     null for a run that completed, and always on PostgreSQL
 */
public record HistoryEntry(
        long id,
        String revision,
        String direction,
        String checksum,
        String message,
        OffsetDateTime appliedAt,
        String appliedBy,
        Duration duration,
        String retortVersion,
        Progress progress) {
    /** An entry of a run that completed (or ran in one transaction). */
    public HistoryEntry(
            long id,
            String revision,
            String direction,
            String checksum,
            String message,
            OffsetDateTime appliedAt,
            String appliedBy,
            Duration duration,
            String retortVersion) {
        this(id, revision, direction, checksum, message, appliedAt, appliedBy, duration, retortVersion, null);
    }

    /**
     * How far a run that committed statement by statement got.
     *
     * @param status {@code running} (under way, or its runner died), {@code failed} (a statement failed), {@code
     *     resumed} (a later run went on from here), {@code undone} (its statements were undone), {@code stamped}
     *     (cleared by a stamp)
     * @param completed how many of its statements committed
     * @param total how many statements the direction has
     * @param error the failed statement's error, null for none
     */
    public record Progress(String status, int completed, int total, String error) {
        /** Whether the run left the database between two revisions, for the next command to resolve. */
        public boolean unresolved() {
            return status.equals("running") || status.equals("failed");
        }
    }
}
