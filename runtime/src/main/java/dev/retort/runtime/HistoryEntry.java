package dev.retort.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;

/** One row of the history table: a run of one revision; {@code accept} rows record a deliberately accepted edit. */
public record HistoryEntry(
        long id,
        String revision,
        String direction,
        String checksum,
        String message,
        OffsetDateTime appliedAt,
        String appliedBy,
        Duration duration,
        String retortVersion) {}
