package dev.retort.runtime.internal;

import static dev.retort.runtime.Ops.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.postgres.PostgresSql;
import dev.retort.runtime.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What undoes the statements of a migration that stopped halfway: each operation's reverse, grouped by the step
 * its statements came from; hand-written SQL and an operation only part of whose statements ran are refused.
 * Rendered through PostgreSQL's renderer, the one this build has for operations.
 */
class UndoTest {
    private static RenderedSql upgrade() {
        Ops op = new Ops();
        op.createTable("accounts", column("id", "integer"));
        op.addColumn("accounts", column("note", "text"));
        op.execute("UPDATE accounts SET note = 'x'");
        op.addColumn("accounts", column("extra", "integer"));
        return RenderedSql.of(op.steps(), PostgresSql.DIALECT);
    }

    @Test
    void eachCompletedOperationIsUndoneThroughItsReverse() {
        List<StatementRun.Undo> undos = StatementRun.Undo.of(upgrade(), 2, PostgresRunner.INSTANCE);
        assertEquals(2, undos.size());
        assertEquals(List.of("DROP TABLE \"accounts\""), undos.get(0).statements());
        assertEquals(
                List.of("ALTER TABLE \"accounts\" DROP COLUMN \"note\""),
                undos.get(1).statements());
        assertEquals(List.of(0, 1), undos.stream().map(StatementRun.Undo::from).toList());
    }

    @Test
    void handWrittenSqlThatRanIsRefusedNamingWhy() {
        List<StatementRun.Undo> undos = StatementRun.Undo.of(upgrade(), 3, PostgresRunner.INSTANCE);
        assertNull(undos.get(2).statements());
        assertEquals(
                "is hand-written SQL (op.execute), which Retort cannot undo",
                undos.get(2).why());
    }
}
