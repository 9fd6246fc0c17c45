package dev.retort.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which operations run together: consecutive column changes of one table, nothing else. */
class ColumnChangeTest {
    private static final QualifiedName A = QualifiedName.of("a");
    private static final QualifiedName B = QualifiedName.of("b");
    private static final Column X = Column.of("x", "integer");

    @Test
    void consecutiveColumnChangesOfOneTableRunTogether() {
        Op add = new AddColumn(A, Column.of("y", "text"));
        Op alter = new AlterColumn(A, X, X.withType("bigint"));
        Op drop = new DropColumn(A, Column.of("z", "text"));
        Op key = new AddPrimaryKey(A, PrimaryKey.of("x"));
        Op otherTable = new AlterColumn(B, X, X.notNull());
        Op again = new AddColumn(A, Column.of("w", "text"));
        assertEquals(
                List.of(List.of(add, alter, drop), List.of(key), List.of(otherTable), List.of(again)),
                ColumnChange.runs(List.of(add, alter, drop, key, otherTable, again)));
    }

    @Test
    void anOperationKeptAloneSplitsItsRun() {
        Op add = new AddColumn(A, Column.of("y", "text"));
        Op drop = new DropColumn(A, Column.of("z", "text"));
        Op alter = new AlterColumn(A, X, X.withType("bigint"));
        assertEquals(
                List.of(List.of(add), List.of(drop), List.of(alter)),
                ColumnChange.runs(List.of(add, drop, alter), drop::equals));
    }
}
