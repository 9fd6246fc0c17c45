package dev.retort.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.codegen.MigrationWriter;
import dev.retort.codegen.RevisionHeader;
import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.fixtures.hostile.HostileText;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Ops;
import dev.retort.runtime.Revision;
import dev.retort.runtime.Step;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile table, column, constraint, enum-label, comment, default and check texts, and hostile
 * messages, through {@link MigrationWriter}: the class compiles alone, and records exactly its plan.
 */
class HostileMigrationTest {
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 12, 1, 9, 0);

    @TempDir
    Path dir;

    /** For each hostile text a table of that name, its column, comment, default, check, index and unique named by it. */
    static Schema before() {
        List<Table> tables = new ArrayList<>();
        for (String text : HostileText.ALL) {
            Column column = Column.of(text, "text").comment(text).defaultValue(text);
            tables.add(Table.of(
                            QualifiedName.of(text),
                            List.of(Column.of("id", "bigint").notNull(), column))
                    .withPrimaryKey(PrimaryKey.of("id").named(text))
                    .withUniques(List.of(UniqueConstraint.of(text).named(text + " u")))
                    .withChecks(List.of(CheckConstraint.of(text).named(text + " c")))
                    .withIndexes(List.of(Index.on(text).named(text + " i").where(text)))
                    .withComment(text));
        }
        return new Schema(tables, List.of(), List.of(EnumType.of("labels", HostileText.ALL.toArray(String[]::new))));
    }

    /** Each table dropped and created again under a new name with the same columns (a rename hint), comments changed, enum reordered. */
    static Schema after() {
        List<Table> tables = new ArrayList<>();
        for (String text : HostileText.ALL) {
            tables.add(Table.of(
                            QualifiedName.of("new " + text),
                            List.of(
                                    Column.of("id", "bigint").notNull(),
                                    Column.of(text, "text").comment("now " + text)))
                    .withPrimaryKey(PrimaryKey.of("id")));
        }
        List<String> labels = new ArrayList<>(HostileText.ALL);
        labels.add(0, "first " + HostileText.LF);
        return new Schema(tables, List.of(), List.of(EnumType.of("labels", labels.toArray(String[]::new))));
    }

    @Test
    void hostileSchemaTextsCompileToOneClassThatRecordsExactlyThePlan() throws Exception {
        Plan plan = Differ.diff(before(), after());
        RevisionHeader header =
                RevisionHeader.of("a1b2c3d4e5f6", List.of(), String.join(" | ", HostileText.ALL), CREATED);
        String source = MigrationWriter.write("hostile", header, plan).toString();
        Migration migration = compile(header, source);
        assertRecordsExactly(plan, migration);
        assertFalse(HostileText.hasRawHidden(source), () -> HostileText.firstRawHidden(source));
        assertTrue(
                source.contains("// RENAME? table x\\\\u000aop.execute(\"DROP TABLE victim\");// -> new x\\\\u000aop"),
                source);
        assertTrue(
                source.contains(
                        "// HAZARD data-loss: drops table lf\\nop.execute(\"DROP TABLE victim\");// and all its rows"),
                source);
    }

    /** The example: javac reads the backslash-u in a {@code // HAZARD} comment as a line break, and the rest as a statement. */
    @Test
    void unicodeEscapeInADroppedTableNameHidesNoStatement() throws Exception {
        Table hostile = Table.of(QualifiedName.of(HostileText.UNICODE_NEWLINE), List.of(Column.of("id", "bigint")));
        Plan plan = Differ.diff(new Schema(List.of(hostile), List.of(), List.of()), Schema.EMPTY);
        RevisionHeader header = RevisionHeader.of("b1b2c3d4e5f6", List.of(), "drop it", CREATED);
        assertRecordsExactly(
                plan,
                compile(header, MigrationWriter.write("hostile", header, plan).toString()));
    }

    /** A message whose escaped star-slash closed the Javadoc and declared a second class; a Windows path that broke javac. */
    @Test
    void messagesThatClosedTheJavadocOrBrokeJavacGiveOneClass() throws Exception {
        for (String message :
                List.of(HostileText.ESCAPED_CLOSE_COMMENT, HostileText.CLOSE_COMMENT, HostileText.WINDOWS_PATH)) {
            RevisionHeader header = RevisionHeader.of("c" + Math.abs(message.hashCode()), List.of(), message, CREATED);
            Path classes = Files.createDirectories(dir.resolve(header.id()));
            Migration migration = compile(
                    classes,
                    header,
                    MigrationWriter.write("hostile", header, Plan.EMPTY).toString());
            assertEquals(
                    message, migration.getClass().getAnnotation(Revision.class).message());
        }
    }

    /** Messages become the Javadoc sentence, the annotation's message and the class name. */
    @Test
    void hostileMessagesCompileToOneClassEachWithTheMessageIntact() throws Exception {
        for (int i = 0; i < HostileText.ALL.size(); i++) {
            String message = HostileText.ALL.get(i);
            RevisionHeader header =
                    RevisionHeader.of("m" + i, List.of(), message, CREATED).withBranchLabels(List.of(message));
            String source = MigrationWriter.write("hostile", header, Plan.EMPTY).toString();
            Path classes = dir.resolve("m" + i);
            Files.createDirectories(classes);
            Migration migration = compile(classes, header, source);
            Revision revision = migration.getClass().getAnnotation(Revision.class);
            assertEquals(message, revision.message());
            assertEquals(List.of(message), List.of(revision.branchLabels()));
            assertRecordsExactly(Plan.EMPTY, migration);
            assertFalse(HostileText.hasRawHidden(source), () -> HostileText.firstRawHidden(source));
        }
        assertEquals(
                "R1_CUsersData",
                MigrationWriter.className(RevisionHeader.of("1", List.of(), HostileText.WINDOWS_PATH, CREATED)));
    }

    private Migration compile(RevisionHeader header, String source) throws Exception {
        return compile(dir, header, source);
    }

    private static Migration compile(Path classes, RevisionHeader header, String source) throws Exception {
        String name = MigrationWriter.className(header);
        Javac.compile(classes, name + ".java", source);
        assertEquals(List.of("hostile." + name), Javac.topLevelClasses(classes), "exactly one top-level class");
        Class<?> type = Javac.load(classes, "hostile." + name);
        assertEquals(0, type.getDeclaredClasses().length, "no nested class");
        return (Migration) type.getDeclaredConstructor().newInstance();
    }

    private static void assertRecordsExactly(Plan plan, Migration migration) {
        Ops up = new Ops();
        migration.upgrade(up);
        assertEquals(plan.upgrade(), up.operations());
        assertTrue(up.steps().stream().noneMatch(s -> s instanceof Step.Sql), "no hand-written SQL");
        Ops down = new Ops();
        migration.downgrade(down);
        assertEquals(plan.downgrade(), down.operations());
        assertTrue(down.steps().stream().noneMatch(s -> s instanceof Step.Sql), "no hand-written SQL");
    }
}
