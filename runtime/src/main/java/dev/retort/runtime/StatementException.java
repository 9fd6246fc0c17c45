package dev.retort.runtime;

/** A statement of a migration failed: which revision, which way, which statement and its SQL. */
public class StatementException extends MigrationException {
    private final Direction direction;
    private final int statement;
    private final String sql;

    /** @param statement the statement's number in the migration's direction, from 1 */
    public StatementException(
            String revision, Direction direction, int statement, String sql, String message, Throwable cause) {
        super(revision, message, cause);
        this.direction = direction;
        this.statement = statement;
        this.sql = sql;
    }

    public Direction direction() {
        return direction;
    }

    /** The statement's number in the migration's direction, from 1. */
    public int statement() {
        return statement;
    }

    /** The statement as it was sent. */
    public String sql() {
        return sql;
    }
}
