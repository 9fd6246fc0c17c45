package dev.retort.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.mariadb.ForeignKeyTracker.TableMatch;
import dev.retort.mariadb.ForeignKeyTracker.TrackedKey;
import dev.retort.op.AddForeignKey;
import dev.retort.op.CreateTable;
import dev.retort.op.DropColumn;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropTable;
import dev.retort.op.Op;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which foreign key uses a column after a list of operations, and the names columns had at the start; no server. */
class ForeignKeyTrackerTest {
    private static final QualifiedName P = QualifiedName.of("p");
    private static final QualifiedName C = QualifiedName.of("c");
    private static final TrackedKey LIVE = new TrackedKey("c_p", C, List.of("p_id"), P, List.of("id"));
    private static final ForeignKey KEY =
            ForeignKey.Columns.of("p_id").references("p", "id").named("c_p");
    private static final ForeignKey UNNAMED = ForeignKey.Columns.of("p_id").references("p", "id");

    /** One case: the operations after the live key, and the key's name using a column of a table after them. */
    private record Case(String name, List<Op> ops, QualifiedName table, String column, String using) {}

    private static final List<Case> CASES = List.of(
            new Case("the live key at its referencing end", List.of(), C, "p_id", "c_p"),
            new Case("the live key at its referenced end", List.of(), P, "id", "c_p"),
            new Case("names of columns in any case", List.of(), C, "P_ID", "c_p"),
            new Case("another column", List.of(), C, "id", null),
            new Case("a table's name in its own case", List.of(), QualifiedName.of("C"), "p_id", null),
            new Case("dropped by its name in any case", List.of(drop(KEY.named("C_P"))), C, "p_id", null),
            new Case("an unnamed key dropped by its columns", List.of(drop(UNNAMED)), C, "p_id", null),
            new Case(
                    "an unnamed drop of other columns",
                    List.of(drop(ForeignKey.Columns.of("x").references("p", "id"))),
                    C,
                    "p_id",
                    "c_p"),
            new Case("added again after its drop", List.of(drop(KEY), add(KEY.named("again"))), C, "p_id", "again"),
            new Case("its table dropped", List.of(new DropTable(table(C))), C, "p_id", null),
            new Case("the table it references dropped", List.of(new DropTable(table(P))), P, "id", "c_p"),
            new Case(
                    "a created table's key",
                    List.of(new DropTable(table(C)), new CreateTable(table(C, KEY.named("made")))),
                    P,
                    "id",
                    "made"),
            new Case("its column dropped", List.of(dropColumn(C, "p_id")), C, "p_id", null),
            new Case("the referenced column dropped", List.of(dropColumn(P, "id")), P, "id", "c_p"),
            new Case("its column renamed", List.of(new RenameColumn(C, "P_ID", "parent")), C, "parent", "c_p"),
            new Case("its column's old name", List.of(new RenameColumn(C, "p_id", "parent")), C, "p_id", null),
            new Case("the referenced column renamed", List.of(new RenameColumn(P, "id", "no")), P, "no", "c_p"),
            new Case("its table renamed", List.of(new RenameTable(C, "kids")), QualifiedName.of("kids"), "p_id", "c_p"),
            new Case("its table's old name", List.of(new RenameTable(C, "kids")), C, "p_id", null),
            new Case(
                    "the referenced table renamed, then its column",
                    List.of(new RenameTable(P, "parents"), new RenameColumn(QualifiedName.of("parents"), "id", "no")),
                    QualifiedName.of("parents"),
                    "no",
                    "c_p"));

    @Test
    void eachCaseFindsTheKeyThatUsesTheColumnThen() {
        for (Case c : CASES) {
            for (TableMatch match : TableMatch.values()) {
                ForeignKeyTracker keys = new ForeignKeyTracker(match, List.of(LIVE));
                c.ops().forEach(keys::apply);
                TrackedKey key = keys.keyUsing(c.table(), c.column());
                assertEquals(c.using(), key == null ? null : key.name(), c.name() + ", " + match);
            }
        }
    }

    @Test
    void theFirstKeyThatUsesTheColumnIsTheAnswer() {
        ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME, List.of(LIVE));
        keys.apply(add(KEY.named("second")));
        assertEquals("c_p", keys.keyUsing(C, "p_id").name());
        keys.dropForeignKey(C, "C_P");
        assertEquals("second", keys.keyUsing(C, "p_id").name());
    }

    @Test
    void schemasAreIgnoredByNameAndCountWhereBothNameOneByNameAndSchema() {
        QualifiedName inA = new QualifiedName("a", "c");
        QualifiedName inB = new QualifiedName("b", "c");
        for (TableMatch match : TableMatch.values()) {
            ForeignKeyTracker keys = new ForeignKeyTracker(match, List.of());
            keys.apply(new AddForeignKey(inA, KEY));
            assertEquals("c_p", keys.keyUsing(C, "p_id").name(), match::toString);
            assertEquals(match == TableMatch.NAME, keys.keyUsing(inB, "p_id") != null, match::toString);
            keys.renameTable(inB, "kids");
            assertEquals(match == TableMatch.NAME, keys.keyUsing(inA, "p_id") == null, match::toString);
        }
    }

    @Test
    void aKeyToAnotherDatabaseHasNoReferencedEndHere() {
        TrackedKey away = new TrackedKey("away", C, List.of("p_id"), null, List.of("id"));
        ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME, List.of(away));
        keys.renameColumn(P, "id", "no");
        keys.renameTable(P, "parents");
        assertNull(keys.keyUsing(P, "id"));
        assertEquals(away, keys.keyUsing(C, "p_id"));
    }

    @Test
    void whichEndASelfReferencingKeyUsesAColumnAt() {
        TrackedKey self = new TrackedKey("tree", C, List.of("parent_id"), C, List.of("id"));
        ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME, List.of(self));
        assertTrue(keys.on(self, C));
        assertTrue(keys.uses(self, C, "id"));
        assertFalse(self.hasColumn("id"));
        assertTrue(self.hasColumn("PARENT_ID"));
    }

    @Test
    void forgottenKeysAreReportedOnNoMore() {
        ForeignKeyTracker keys = new ForeignKeyTracker(TableMatch.NAME_AND_SCHEMA, List.of(LIVE));
        keys.forgetKeys();
        assertNull(keys.keyUsing(C, "p_id"));
    }

    @Test
    void aColumnAtTheStartIsFollowedThroughRenamesOfItAndItsTable() {
        ForeignKeyTracker names = new ForeignKeyTracker(TableMatch.NAME, List.of());
        assertEquals("body", names.columnAtStart(C, "body"));
        names.renameColumn(C, "Body", "text");
        names.renameColumn(C, "TEXT", "content");
        assertEquals("Body", names.columnAtStart(C, "content"));
        assertEquals("text", names.columnAtStart(C, "text"), "a name the column had on the way is no column now");
        assertEquals("content", names.columnAtStart(P, "content"), "another table's");
        names.renameTable(C, "docs");
        assertEquals("Body", names.columnAtStart(QualifiedName.of("docs"), "CONTENT"));
        names.renameColumn(QualifiedName.of("docs"), "other", "Body");
        assertEquals("other", names.columnAtStart(QualifiedName.of("docs"), "body"));
    }

    @Test
    void aDroppedColumnOrTableHasNoNameAtTheStart() {
        ForeignKeyTracker names = new ForeignKeyTracker(TableMatch.NAME, List.of());
        names.renameColumn(C, "a", "b");
        names.renameColumn(P, "a", "b");
        names.apply(dropColumn(C, "b"));
        names.apply(new DropTable(table(P)));
        assertEquals("b", names.columnAtStart(C, "b"));
        assertEquals("b", names.columnAtStart(P, "b"));
    }

    private static AddForeignKey add(ForeignKey key) {
        return new AddForeignKey(C, key);
    }

    private static DropForeignKey drop(ForeignKey key) {
        return new DropForeignKey(C, key);
    }

    private static DropColumn dropColumn(QualifiedName table, String column) {
        return new DropColumn(table, Column.of(column, "integer"));
    }

    private static Table table(QualifiedName name, ForeignKey... keys) {
        return Table.of(name, List.of(Column.of("id", "integer"), Column.of("p_id", "integer")))
                .withForeignKeys(List.of(keys));
    }
}
