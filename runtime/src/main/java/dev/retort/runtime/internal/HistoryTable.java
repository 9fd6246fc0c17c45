package dev.retort.runtime.internal;

import dev.retort.runtime.Direction;
import dev.retort.runtime.HistoryEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of every migration run: revision, direction, checksum, when, by whom,
 * how long, with which Retort. It sits beside the version table as {@code <version table>_history};
 * Retort only ever inserts into it.
 */
public final class HistoryTable {
    public static final String ACCEPT = "accept";
    public static final String STAMP = "stamp";

    private final String schema;
    private final String name;
    private final RunnerDialect dialect;

    public HistoryTable(VersionTable versionTable) {
        this.schema = versionTable.schema();
        this.name = versionTable.name() + "_history";
        this.dialect = versionTable.dialect();
    }

    public String name() {
        return name;
    }

    /** The name as SQL, in the version table's schema. */
    public String qualified() {
        return dialect.qualified(schema, name);
    }

    boolean exists(Connection connection) throws SQLException {
        return dialect.exists(connection, schema, name);
    }

    public String createSql() {
        return dialect.createHistoryTable(this);
    }

    /** The row for one run; {@code applied_by} is the database user at {@code host}. */
    public String appendSql(
            String revision, String direction, String checksum, String message, Duration duration, String host) {
        return "INSERT INTO " + qualified()
                + " (revision, direction, checksum, message, applied_by, duration_ms, retort_version)"
                + " VALUES (" + values(revision, direction, checksum, message, host) + ", " + duration.toMillis()
                + ", " + dialect.literal(retortVersion()) + ")";
    }

    /** The values of revision, direction, checksum, message and applied_by, as SQL. */
    String values(String revision, String direction, String checksum, String message, String host) {
        return dialect.literal(revision) + ", " + dialect.literal(direction) + ", "
                + (checksum == null ? "NULL" : dialect.literal(checksum))
                + ", " + dialect.literal(message) + ", " + userAt(host);
    }

    private String userAt(String host) {
        return dialect.userAt(host);
    }

    /** Every row, oldest first; empty when the table does not exist yet. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        if (!exists(connection)) return entries;
        boolean progress = !dialect.transactionalDdl();
        String appliedAt = progress ? "unix_timestamp(applied_at) AS applied_epoch" : "applied_at";
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, revision, direction, checksum, message, " + appliedAt
                        + ", applied_by, duration_ms, retort_version"
                        + (progress ? ", status, statements, total, error" : "") + " FROM " + qualified()
                        + " ORDER BY id")) {
            while (rs.next()) {
                entries.add(new HistoryEntry(
                        rs.getLong("id"),
                        rs.getString("revision"),
                        rs.getString("direction"),
                        rs.getString("checksum"),
                        rs.getString("message"),
                        progress
                                ? epoch(rs.getBigDecimal("applied_epoch"))
                                : rs.getObject("applied_at", OffsetDateTime.class),
                        rs.getString("applied_by"),
                        Duration.ofMillis(rs.getLong("duration_ms")),
                        rs.getString("retort_version"),
                        progress ? progress(rs) : null));
            }
        }
        return entries;
    }

    private static OffsetDateTime epoch(BigDecimal seconds) {
        long micros = seconds.movePointRight(6).longValueExact();
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A run's progress; null for one that completed. */
    private static HistoryEntry.Progress progress(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        if (status.equals("done")) return null;
        return new HistoryEntry.Progress(status, rs.getInt("statements"), rs.getInt("total"), rs.getString("error"));
    }

    static String retortVersion() {
        String version = HistoryTable.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * For each revision whose last completed upgrade or accept is not followed by a completed downgrade: the
     * checksum recorded then. A run that did not complete changed no revision.
     */
    static Map<String, String> appliedChecksums(List<HistoryEntry> entries) {
        Map<String, String> applied = new HashMap<>();
        for (HistoryEntry entry : entries) {
            if (entry.progress() != null) continue;
            if (entry.direction().equals(Direction.DOWNGRADE.word())) {
                applied.remove(entry.revision());
            } else {
                applied.put(entry.revision(), entry.checksum());
            }
        }
        return applied;
    }
}
