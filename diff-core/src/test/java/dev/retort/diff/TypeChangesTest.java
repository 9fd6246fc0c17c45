package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.op.AlterColumn;
import dev.retort.op.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which type changes {@code --expand-contract} splits, named case by case, and the one line for each one it leaves. */
class TypeChangesTest {
    private static final QualifiedName T = QualifiedName.of("t");
    private static final Column ID = Column.of("id", "bigint").notNull();

    @Test
    void aRewritingWideningOfAPlainColumnIsSplitWithItsIndexesAndUniques() {
        Column from = Column.of("n", "integer").notNull().defaultValue("0");
        Column to = Column.of("n", "bigint").notNull().defaultValue("0");
        Index index = Index.on("n", "id").named("t_n_idx");
        UniqueConstraint unique = UniqueConstraint.of("n").named("t_n_key");
        Index other = Index.on("id").named("t_id_idx");
        ExpandContract split = split(from, to, List.of(index, unique, other));
        assertEquals(List.of(), split.notSplit());
        assertEquals(List.of(), split.rest().upgrade());
        Retype retype = split.retypes().get(0);
        assertEquals(List.of(index), retype.indexes());
        assertEquals(List.of(unique), retype.uniques());
        assertEquals(Column.of("n_new", "bigint"), retype.shadow());
    }

    @Test
    void eachOtherTypeChangeStaysOnePlainAlterAndSaysWhy() {
        Column n = Column.of("n", "integer");
        Column wide = Column.of("n", "bigint");
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {
            Column.of("n", "varchar(10)"), Column.of("n", "varchar(20)"), List.of(), "changes the catalog only"
        });
        cases.add(new Object[] {wide, n, List.of(), "may fail on or change a value"});
        cases.add(new Object[] {n, wide, List.of(PrimaryKey.of("id", "n")), "part of the primary key"});
        cases.add(new Object[] {
            n, wide, List.of(ForeignKey.of(List.of("n"), QualifiedName.of("u"), List.of("id"))), "part of a foreign key"
        });
        cases.add(new Object[] {n, wide, List.of(CheckConstraint.of("n > 0").named("t_n_check")), "check constraint"});
        cases.add(new Object[] {
            n, wide, List.of(Index.of(List.of(Index.Key.of("(n + 1)"))).named("t_expr_idx")), "index t_expr_idx"
        });
        cases.add(new Object[] {n, wide, List.of(Column.of("n_new", "text")), "n_new is taken"});
        cases.add(new Object[] {
            n.defaultValue("nextval('t_n_seq'::regclass)"),
            wide.defaultValue("nextval('t_n_seq'::regclass)"),
            List.of(),
            "from a sequence"
        });
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            ExpandContract split = split((Column) c[0], (Column) c[1], (List<TableElement>) c[2]);
            assertEquals(List.of(), split.retypes(), () -> c[3].toString());
            assertEquals(1, split.notSplit().size(), () -> c[3].toString());
            String line = split.notSplit().get(0);
            assertTrue(line.startsWith("Not split: the type change of t.n (") && line.contains((String) c[3]), line);
            assertEquals(1, split.rest().upgrade().size(), line);
        }
    }

    @Test
    void aColumnAForeignKeyReferencesStaysPlain() {
        Table t = Table.of(T, List.of(ID, Column.of("n", "integer"), PrimaryKey.of("id")));
        Table u = Table.of(
                QualifiedName.of("u"),
                List.of(Column.of("t_n", "integer"), ForeignKey.of(List.of("t_n"), T, List.of("n"))));
        AlterColumn change = new AlterColumn(T, Column.of("n", "integer"), Column.of("n", "bigint"));
        ExpandContract split = ExpandContract.of(new Plan(List.of(change)), new Schema(List.of(t, u)));
        assertTrue(split.notSplit().get(0).endsWith(": a foreign key references it"), split.notSplit()::toString);
    }

    @Test
    void longNamesAreShortenedWithAHash() {
        String column = "c".repeat(62);
        String shadow = Retype.shadowName(column);
        assertTrue(DefaultNames.bytes(shadow) <= 63, shadow);
        assertTrue(!shadow.equals(Retype.shadowName("c".repeat(61) + "d")), shadow);
        assertEquals("n_new", Retype.shadowName("n"));
    }

    private static ExpandContract split(Column from, Column to, List<? extends TableElement> more) {
        List<TableElement> elements = new ArrayList<>(List.of(ID, from));
        for (TableElement element : more) {
            if (element instanceof Column c) elements.add(c);
        }
        if (more.stream().noneMatch(e -> e instanceof PrimaryKey)) elements.add(PrimaryKey.of("id"));
        for (TableElement element : more) {
            if (!(element instanceof Column)) elements.add(element);
        }
        Table table = Table.of(T, elements);
        List<Op> plan = List.of(new AlterColumn(T, table.columns().get(1), to));
        return ExpandContract.of(new Plan(plan), new Schema(List.of(table)));
    }
}
