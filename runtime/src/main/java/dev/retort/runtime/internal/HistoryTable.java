package dev.retort.runtime.internal;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.quote;

import dev.retort.runtime.Direction;
import dev.retort.runtime.HistoryEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    public HistoryTable(VersionTable versionTable) {
        this.schema = versionTable.schema();
        this.name = versionTable.name() + "_history";
    }

    public String name() {
        return name;
    }

    /** The name as SQL, in the version table's schema. */
    public String qualified() {
        return quote(schema) + "." + quote(name);
    }

    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualified() + " ("
                + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "revision varchar(32) NOT NULL, "
                + "direction varchar(10) NOT NULL, "
                + "checksum varchar(64), "
                + "message text, "
                + "applied_at timestamptz NOT NULL DEFAULT now(), "
                + "applied_by text NOT NULL, "
                + "duration_ms bigint NOT NULL, "
                + "retort_version text)";
    }

    /** The row for one run; {@code applied_by} is the database user at {@code host}. */
    public String appendSql(
            String revision, String direction, String checksum, String message, Duration duration, String host) {
        return "INSERT INTO " + qualified()
                + " (revision, direction, checksum, message, applied_by, duration_ms, retort_version)"
                + " VALUES (" + literal(revision) + ", " + literal(direction) + ", "
                + (checksum == null ? "NULL" : literal(checksum))
                + ", " + literal(message) + ", current_user || " + literal("@" + host) + ", " + duration.toMillis()
                + ", "
                + literal(retortVersion()) + ")";
    }

    /** Every row, oldest first; empty when the table does not exist yet. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        if (!VersionTable.exists(connection, qualified())) return entries;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT id, revision, direction, checksum, message, applied_at, applied_by, duration_ms,"
                                + " retort_version FROM " + qualified() + " ORDER BY id")) {
            while (rs.next()) {
                entries.add(new HistoryEntry(
                        rs.getLong("id"),
                        rs.getString("revision"),
                        rs.getString("direction"),
                        rs.getString("checksum"),
                        rs.getString("message"),
                        rs.getObject("applied_at", OffsetDateTime.class),
                        rs.getString("applied_by"),
                        Duration.ofMillis(rs.getLong("duration_ms")),
                        rs.getString("retort_version")));
            }
        }
        return entries;
    }

    private static String retortVersion() {
        String version = HistoryTable.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** For each revision whose last upgrade or accept is not followed by a downgrade: the checksum recorded then. */
    static Map<String, String> appliedChecksums(List<HistoryEntry> entries) {
        Map<String, String> applied = new HashMap<>();
        for (HistoryEntry entry : entries) {
            if (entry.direction().equals(Direction.DOWNGRADE.word())) {
                applied.remove(entry.revision());
            } else {
                applied.put(entry.revision(), entry.checksum());
            }
        }
        return applied;
    }
}
