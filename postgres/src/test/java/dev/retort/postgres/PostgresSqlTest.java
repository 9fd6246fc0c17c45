package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.SqlDialect;
import dev.retort.diff.OnlineForms;
import dev.retort.op.AddCheck;
import dev.retort.op.AddColumn;
import dev.retort.op.AddEnumCasts;
import dev.retort.op.AddExclusion;
import dev.retort.op.AddForeignKey;
import dev.retort.op.AddPrimaryKey;
import dev.retort.op.AddUnique;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterEnum;
import dev.retort.op.AlterSchemaComment;
import dev.retort.op.AlterSequence;
import dev.retort.op.AlterSequenceOwner;
import dev.retort.op.AlterTableComment;
import dev.retort.op.AlterTablePersistence;
import dev.retort.op.AlterType;
import dev.retort.op.ColumnChange;
import dev.retort.op.CreateEnum;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateType;
import dev.retort.op.DropCheck;
import dev.retort.op.DropColumn;
import dev.retort.op.DropEnum;
import dev.retort.op.DropEnumCasts;
import dev.retort.op.DropExclusion;
import dev.retort.op.DropForeignKey;
import dev.retort.op.DropIndex;
import dev.retort.op.DropPrimaryKey;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropType;
import dev.retort.op.DropUnique;
import dev.retort.op.Hazard;
import dev.retort.op.InvalidateConstraint;
import dev.retort.op.Op;
import dev.retort.op.OpKinds;
import dev.retort.op.Option;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameConstraint;
import dev.retort.op.RenameIndex;
import dev.retort.op.RenameTable;
import dev.retort.op.Using;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.DefaultNames;
import dev.retort.schema.EnumType;
import dev.retort.schema.ExclusionConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Namespace;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.TableOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PostgresSqlTest {
    private static final QualifiedName ODD = new QualifiedName("Sales \"EU\"", "Order\"s");
    private static final Column ID = Column.of("id", "int8").identityByDefault();
    private static final Column NOTE = Column.of("Note\"", "character varying(20)");

    @Test
    void quotesEveryIdentifier() {
        assertEquals("\"a\"\"b\"", PostgresSql.quote("a\"b"));
        assertEquals("\"Sales \"\"EU\"\"\".\"Order\"\"s\"", PostgresSql.table(ODD));
    }

    /** A migration written for MariaDB states what PostgreSQL has no form for: each is refused, none dropped. */
    @Test
    void mariaDbsTableColumnAndKeyOptionsAreRefused() {
        Column touched = Column.of("touched", "timestamp(0)").onUpdate("current_timestamp()");
        Table aria = Table.of(ODD, List.of(ID, TableOptions.engine("Aria")));
        Map<Op, String> refused = new LinkedHashMap<>();
        refused.put(new CreateTable(aria), "table engines or default character sets (table " + ODD + ")");
        refused.put(new AddColumn(ODD, touched), "ON UPDATE columns (column touched)");
        refused.put(new AddColumn(ODD, NOTE.invisible()), "INVISIBLE columns (column Note\")");
        refused.put(new AddColumn(ODD, NOTE.compressed()), "COMPRESSED columns (column Note\")");
        refused.put(
                new AddColumn(
                        ODD, Column.of("twice", "int8").generatedAs("id * 2").virtual()),
                "VIRTUAL generated columns (column twice)");
        refused.put(new AlterColumn(ODD, NOTE, NOTE.withType("text").invisible()), "INVISIBLE columns (column Note\")");
        refused.put(
                new CreateIndex(ODD, Index.of(List.of(Index.Key.of("Note\"").prefix(8)))),
                "key prefix lengths (index key Note\"(8))");
        refused.put(
                new AddUnique(ODD, UniqueConstraint.of("Note\"").prefixes(8)),
                "key prefix lengths (unique constraint on " + ODD + " [Note\"])");
        refused.forEach((op, what) -> assertEquals(
                "PostgreSQL has no " + what,
                assertThrows(SqlDialect.UnsupportedOnDialect.class, () -> PostgresSql.statements(op))
                        .getMessage()));
        assertThrows(IllegalArgumentException.class, () -> NOTE.virtual());
    }

    @Test
    void handWrittenOptionsAndExclusionConstraints() {
        String t = PostgresSql.table(ODD);
        Index byNote = Index.on("Note\"").named("ix");
        Set<Option> concurrently = Set.of(Option.CONCURRENTLY, Option.IF_NOT_EXISTS);
        CreateIndex create = new CreateIndex(ODD, byNote, concurrently);
        assertEquals(
                List.of("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix\" ON " + t + " (\"Note\"\"\")"),
                PostgresSql.statements(create));
        assertEquals(
                List.of("DROP INDEX CONCURRENTLY IF EXISTS \"Sales \"\"EU\"\"\".\"ix\""),
                PostgresSql.statements(create.reverse()));
        assertEquals(true, PostgresSql.outsideTransaction(create) && PostgresSql.outsideTransaction(create.reverse()));
        assertEquals(false, PostgresSql.outsideTransaction(new CreateIndex(ODD, byNote)));
        AddColumn add = new AddColumn(ODD, NOTE, Set.of(Option.IF_NOT_EXISTS));
        assertEquals(
                List.of("ALTER TABLE " + t + " ADD COLUMN IF NOT EXISTS \"Note\"\"\" varchar(20)"),
                PostgresSql.statements(add));
        assertEquals(
                List.of("ALTER TABLE " + t + " DROP COLUMN IF EXISTS \"Note\"\"\""),
                PostgresSql.statements(add.reverse()));
        AddForeignKey key = new AddForeignKey(
                ODD, ForeignKey.Columns.of("id").references("x", "id").named("fk"), Set.of(Option.NOT_VALID));
        assertEquals(
                true,
                PostgresSql.statements(key).get(0).endsWith(" NOT VALID"),
                PostgresSql.statements(key).toString());
        assertEquals(List.of(), key.hazards(), "NOT VALID checks no rows");
        var exclusion = new ExclusionConstraint("no \"overlap\"", "USING gist (during WITH &&)");
        assertEquals(
                List.of("ALTER TABLE " + t
                        + " ADD CONSTRAINT \"no \"\"overlap\"\"\" EXCLUDE USING gist (during WITH &&)"),
                PostgresSql.statements(new AddExclusion(ODD, exclusion)));
        assertEquals(
                List.of("ALTER TABLE " + t + " DROP CONSTRAINT \"no \"\"overlap\"\"\""),
                PostgresSql.statements(new DropExclusion(ODD, exclusion)));
    }

    /** A constraint made from the unique index of its own name: nothing built under the ALTER TABLE's lock; its drop is the plain drop. */
    @Test
    void uniqueKeysAndPrimaryKeysUsingTheirIndex() {
        String t = PostgresSql.table(ODD);
        AddUnique unique = new AddUnique(ODD, UniqueConstraint.of("Note\"").named("u\"k"), Set.of(Option.USING_INDEX));
        assertEquals(
                List.of("ALTER TABLE " + t + " ADD CONSTRAINT \"u\"\"k\" UNIQUE USING INDEX \"u\"\"k\""),
                PostgresSql.statements(unique));
        assertEquals(
                List.of("ALTER TABLE " + t + " DROP CONSTRAINT \"u\"\"k\""), PostgresSql.statements(unique.reverse()));
        // the online forms name the index as the constraint is named in SQL, also past 63 bytes
        QualifiedName longTable = QualifiedName.of("t".repeat(60));
        List<String> online =
                OnlineForms.flatten(OnlineForms.of(List.of(new AddUnique(longTable, UniqueConstraint.of("email")))))
                        .stream()
                        .flatMap(op -> PostgresSql.statements(op).stream())
                        .toList();
        String name = PostgresSql.quote(DefaultNames.shortened("t".repeat(60), "email", "key"));
        assertEquals(3, online.size(), online::toString);
        assertTrue(online.get(1).startsWith("CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON "), online::toString);
        assertTrue(online.get(2).endsWith(" ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name), online::toString);
        AddPrimaryKey key = new AddPrimaryKey(ODD, PrimaryKey.of("id"), Set.of(Option.USING_INDEX));
        assertEquals(
                List.of("ALTER TABLE " + t
                        + " ADD CONSTRAINT \"Order\"\"s_pkey\" PRIMARY KEY USING INDEX \"Order\"\"s_pkey\""),
                PostgresSql.statements(key));
    }

    @Test
    void generatedColumnsCollationsAndSequenceOwners() {
        Column total = Column.of("Total", "numeric(10,2)").generatedAs("price * qty");
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD)
                        + " ADD COLUMN \"Total\" numeric(10,2) GENERATED ALWAYS AS (price * qty) STORED"),
                PostgresSql.statements(new AddColumn(ODD, total)));
        Column plain = Column.of("Total", "numeric(10,2)");
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD) + " ALTER COLUMN \"Total\" DROP EXPRESSION"),
                PostgresSql.statements(new AlterColumn(ODD, total, plain)));
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD)
                        + " DROP COLUMN \"Total\", ADD COLUMN \"Total\" numeric(10,2)"
                        + " GENERATED ALWAYS AS (price * qty) STORED"),
                PostgresSql.statements(new AlterColumn(ODD, plain, total)));
        Column name = Column.of("name", "text");
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD) + " ALTER COLUMN \"name\" TYPE text COLLATE \"C\""),
                PostgresSql.statements(new AlterColumn(ODD, name, name.collate("\"C\""))));
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD) + " ALTER COLUMN \"name\" TYPE text"),
                PostgresSql.statements(new AlterColumn(ODD, name.collate("\"C\""), name)));
        QualifiedName sequence = new QualifiedName("Sales \"EU\"", "order_id_seq");
        assertEquals(
                List.of("ALTER SEQUENCE " + PostgresSql.table(sequence) + " OWNED BY " + PostgresSql.table(ODD)
                        + ".\"id\""),
                PostgresSql.statements(new AlterSequenceOwner(sequence, null, new Sequence.Owner(ODD.name(), "id"))));
        assertEquals(
                List.of("ALTER SEQUENCE " + PostgresSql.table(sequence) + " OWNED BY NONE"),
                PostgresSql.statements(new AlterSequenceOwner(sequence, new Sequence.Owner(ODD.name(), "id"), null)));
    }

    @Test
    void aConversionStillToBeWrittenFailsFirstAndAWrittenOneRunsAsWritten() {
        Column seconds = Column.of("seen", "bigint");
        Column at = Column.of("seen", "timestamp");
        assertEquals(
                List.of(
                        "DO $retort$ BEGIN RAISE EXCEPTION USING MESSAGE = "
                                + PostgresSql.literal("table " + PostgresSql.table(ODD)
                                        + ", column \"seen\": the USING expression of bigint -> timestamp(6) is still"
                                        + " to be written (Using.TO_BE_WRITTEN): PostgreSQL has no cast for it")
                                + ", ERRCODE = '42846'; END $retort$",
                        "ALTER TABLE " + PostgresSql.table(ODD) + " ALTER COLUMN \"seen\" TYPE timestamp"),
                PostgresSql.statements(new AlterColumn(ODD, seconds, at, false, Using.TO_BE_WRITTEN)));
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD)
                        + " ALTER COLUMN \"seen\" TYPE timestamp USING to_timestamp(seen) AT TIME ZONE 'UTC'"),
                PostgresSql.statements(
                        new AlterColumn(ODD, seconds, at, false, Using.of("to_timestamp(seen) AT TIME ZONE 'UTC'"))));
    }

    @Test
    void anIndexIsRenamedInItsTablesSchemaWithBothNamesQuoted() {
        assertEquals(
                List.of("ALTER INDEX " + PostgresSql.table(new QualifiedName(ODD.schema(), "old\"idx"))
                        + " RENAME TO \"new idx\""),
                PostgresSql.statements(new RenameIndex(ODD, "old\"idx", "new idx")));
        assertEquals(
                List.of("ALTER TABLE " + PostgresSql.table(ODD) + " RENAME CONSTRAINT \"old\"\"key\" TO \"new key\""),
                PostgresSql.statements(new RenameConstraint(ODD, "old\"key", "new key")));
    }

    @Test
    void schemasAreCreatedCommentedAndDroppedWithoutCascade() {
        Namespace sales = Namespace.of("Sales \"EU\"").comment("it's\nours");
        assertEquals(
                List.of(
                        "CREATE SCHEMA \"Sales \"\"EU\"\"\"",
                        "COMMENT ON SCHEMA \"Sales \"\"EU\"\"\" IS " + PostgresSql.literal("it's\nours")),
                PostgresSql.statements(new CreateSchema(sales)));
        assertEquals(List.of("DROP SCHEMA \"Sales \"\"EU\"\"\""), PostgresSql.statements(new DropSchema(sales)));
        assertEquals(
                List.of("COMMENT ON SCHEMA \"s\" IS NULL"),
                PostgresSql.statements(new AlterSchemaComment("s", "old", null)));
    }

    @Test
    void everyOperationHasStatements() {
        Table table = Table.of(ODD, List.of(ID, NOTE)).withPrimaryKey(PrimaryKey.of("id"));
        List<Op> samples = List.of(
                new CreateTable(table),
                new DropTable(table),
                new AddColumn(ODD, NOTE),
                new DropColumn(ODD, NOTE),
                new AlterColumn(ODD, NOTE, NOTE.notNull()),
                new AddPrimaryKey(ODD, PrimaryKey.of("id")),
                new DropPrimaryKey(ODD, PrimaryKey.of("id")),
                new AddUnique(ODD, UniqueConstraint.of("Note\"")),
                new DropUnique(ODD, UniqueConstraint.of("Note\"")),
                new AddForeignKey(ODD, ForeignKey.Columns.of("id").references("x", "id")),
                new DropForeignKey(ODD, ForeignKey.Columns.of("id").references("x", "id")),
                new AddCheck(ODD, CheckConstraint.of("id > 0")),
                new DropCheck(ODD, CheckConstraint.of("id > 0")),
                new CreateIndex(ODD, Index.on("id")),
                new DropIndex(ODD, Index.on("id")),
                new RenameColumn(ODD, "id", "ID"),
                new RenameTable(ODD, "New\"Name"),
                new RenameIndex(ODD, "old\"idx", "new idx"),
                new RenameConstraint(ODD, "old\"key", "new key"),
                new AlterTableComment(ODD, "a", null),
                new AlterTablePersistence(ODD, true),
                new CreateEnum(EnumType.of("e", "a")),
                new DropEnum(EnumType.of("e", "a")),
                new AlterEnum(EnumType.of("e", "a"), EnumType.of("e", "a", "b")),
                new AddEnumCasts(QualifiedName.of("e"), Set.of(EnumType.Cast.FROM_VARCHAR)),
                new DropEnumCasts(QualifiedName.of("e"), Set.of(EnumType.Cast.TO_VARCHAR)),
                new CreateType(CompositeType.of("c", Attribute.of("a", "int"))),
                new DropType(CompositeType.of("c", Attribute.of("a", "int"))),
                new AlterType(
                        CompositeType.of("c", Attribute.of("a", "int")),
                        CompositeType.of("c", Attribute.of("a", "int"), Attribute.of("b", "text"))),
                new CreateSequence(Sequence.of("s", 1, 1)),
                new DropSequence(Sequence.of("s", 1, 1)),
                new AlterSequence(Sequence.of("s", 1, 1), Sequence.of("s", 1, 2)),
                new AlterSequenceOwner(QualifiedName.of("s"), null, new Sequence.Owner("t", "id")),
                new AddExclusion(ODD, new ExclusionConstraint("x", "USING gist (during WITH &&)")),
                new DropExclusion(ODD, new ExclusionConstraint("x", "USING gist (during WITH &&)")),
                new ValidateConstraint(ODD, CheckConstraint.of("id > 0")),
                new InvalidateConstraint(ODD, ForeignKey.Columns.of("id").references("x", "id")),
                new CreateSchema(Namespace.of("s")),
                new DropSchema(Namespace.of("s")),
                new AlterSchemaComment("s", null, "c"));
        Set<Class<?>> covered = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(OpKinds.all(), covered, "add a sample for each new Op type");
        for (Op op : samples) assertEquals(false, PostgresSql.statements(op).isEmpty(), op.toString());
    }

    @Test
    void createTable() {
        Table table =
                Table.of(QualifiedName.of("users"), List.of(ID, NOTE.notNull())).withPrimaryKey(PrimaryKey.of("id"));
        assertEquals("""
                CREATE TABLE "users" (
                    "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    "Note\""" varchar(20) NOT NULL,
                    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
                )""", PostgresSql.statements(new CreateTable(table)).get(0));
    }

    @Test
    void noInheritChecksSayItInsideAndOutsideCreateTable() {
        QualifiedName users = QualifiedName.of("users");
        CheckConstraint own = CheckConstraint.of("id > 0").named("own").noInherit();
        assertEquals(
                List.of("ALTER TABLE \"users\" ADD CONSTRAINT \"own\" CHECK (id > 0) NO INHERIT"),
                PostgresSql.statements(new AddCheck(users, own)));
        Table table = Table.of(users, List.of(ID)).withChecks(List.of(own));
        assertEquals("""
                CREATE TABLE "users" (
                    "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    CONSTRAINT "own" CHECK (id > 0) NO INHERIT
                )""", PostgresSql.statements(new CreateTable(table)).get(0));
    }

    @Test
    void validityIsStateOfChecksAndForeignKeys() {
        QualifiedName users = QualifiedName.of("users");
        CheckConstraint positive = CheckConstraint.of("id > 0").named("positive");
        ForeignKey key = ForeignKey.Columns.of("id").references("x", "id").named("fk");
        assertEquals(
                List.of("ALTER TABLE \"users\" ADD CONSTRAINT \"positive\" CHECK (id > 0) NOT VALID"),
                PostgresSql.statements(new AddCheck(users, positive.notValid())));
        assertEquals(
                List.of("ALTER TABLE \"users\" VALIDATE CONSTRAINT \"fk\""),
                PostgresSql.statements(new ValidateConstraint(users, key.notValid())));
        assertEquals(
                List.of(
                        "ALTER TABLE \"users\" DROP CONSTRAINT \"positive\"",
                        "ALTER TABLE \"users\" ADD CONSTRAINT \"positive\" CHECK (id > 0) NOT VALID"),
                PostgresSql.statements(new InvalidateConstraint(users, positive)));
        Table table = Table.of(users, List.of(ID)).withChecks(List.of(positive.notValid()));
        assertEquals(
                List.of(
                        "CREATE TABLE \"users\" (\n    \"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL\n)",
                        "ALTER TABLE \"users\" ADD CONSTRAINT \"positive\" CHECK (id > 0) NOT VALID"),
                PostgresSql.statements(new CreateTable(table)),
                "CREATE TABLE would validate it");
    }

    @Test
    void alterColumnIsOneStatementAndCastsOnlyAcrossTypes() {
        QualifiedName users = QualifiedName.of("users");
        Column name = Column.of("name", "varchar(20)");
        assertEquals(
                List.of(
                        "ALTER TABLE \"users\" ALTER COLUMN \"name\" TYPE varchar(40), ALTER COLUMN \"name\" SET NOT NULL"),
                PostgresSql.statements(new AlterColumn(
                        users, name, name.withType("varchar(40)").notNull())));
        assertEquals(
                List.of("ALTER TABLE \"users\" ALTER COLUMN \"name\" TYPE integer USING \"name\"::integer"),
                PostgresSql.statements(new AlterColumn(users, name, name.withType("integer"))));
    }

    @Test
    void aTablesColumnChangesAreOneAlterTableWithGuardsBeforeAndCommentsAfter() {
        QualifiedName t = QualifiedName.of("t");
        Column amount = Column.of("amount", "numeric(10,4)");
        Column count = Column.of("count", "integer").defaultValue("0");
        List<Op> ops = List.of(
                new AddColumn(t, Column.of("note", "text").comment("new")),
                new AlterColumn(t, amount, amount.withType("numeric(10,2)")),
                new AlterColumn(t, count, count.withType("bigint")),
                new DropColumn(t, Column.of("old", "text")),
                new AddPrimaryKey(t, PrimaryKey.of("note")));
        List<String> sql = PostgresSql.statements(ops);
        assertEquals(4, sql.size(), String.join("\n", sql));
        assertEquals(
                TypeConversion.guard(t, "amount", "numeric(10,4)", "numeric(10,2)")
                        .orElseThrow(),
                sql.get(0));
        assertEquals("""
                ALTER TABLE "t"
                    ADD COLUMN "note" text,
                    ALTER COLUMN "amount" TYPE numeric(10,2),
                    ALTER COLUMN "count" DROP DEFAULT,
                    ALTER COLUMN "count" TYPE bigint,
                    ALTER COLUMN "count" SET DEFAULT 0,
                    DROP COLUMN "old\"""", sql.get(1));
        assertEquals("COMMENT ON COLUMN \"t\".\"note\" IS 'new'", sql.get(2));
        assertEquals("ALTER TABLE \"t\" ADD CONSTRAINT \"t_pkey\" PRIMARY KEY (\"note\")", sql.get(3));
        assertEquals(
                sql.subList(0, 3),
                PostgresSql.alterTable(
                        ops.subList(0, 4).stream().map(ColumnChange.class::cast).toList()),
                "the same through the DSL's grouped step");
    }

    @Test
    void columnChangesOfTwoTablesAreNotOneStatement() {
        Column x = Column.of("x", "integer");
        List<ColumnChange> changes = List.of(
                new AlterColumn(QualifiedName.of("a"), x, x.notNull()),
                new AlterColumn(QualifiedName.of("b"), x, x.notNull()));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PostgresSql.alterTable(changes));
        assertEquals("column changes of b cannot join those of a", e.getMessage());
    }

    @Test
    void addingAnIdentityMovesItsSequencePastExistingValues() {
        QualifiedName users = QualifiedName.of("users");
        Column plain = Column.of("id", "bigint").notNull();
        List<String> sql = PostgresSql.statements(new AlterColumn(users, plain, plain.identityByDefault()));
        assertEquals("ALTER TABLE \"users\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY", sql.get(0));
        assertEquals(
                "SELECT setval(pg_get_serial_sequence('\"users\"', 'id'), coalesce(greatest(max(\"id\") + 1, 1), 1), false) FROM \"users\"",
                sql.get(1));
    }

    @Test
    void aColumnTakingItsDefaultFromASequenceMovesTheSequencePastExistingValues() {
        QualifiedName users = QualifiedName.of("users");
        Column identity = Column.of("id", "bigint").notNull().identityByDefault();
        Column serial = Column.of("id", "bigint").notNull().defaultValue("nextval('\"Users\"''s_id_seq'::regclass)");
        List<String> sql = PostgresSql.statements(new AlterColumn(users, identity, serial));
        assertEquals(
                "SELECT setval('\"Users\"''s_id_seq'::regclass, greatest(max(\"id\"), coalesce(pg_sequence_last_value("
                        + "'\"Users\"''s_id_seq'::regclass), max(\"id\")))) FROM \"users\" HAVING max(\"id\") IS NOT NULL",
                sql.get(sql.size() - 1));
        // the same default on both sides moves nothing
        assertTrue(PostgresSql.statements(new AlterColumn(users, serial.withNullable(true), serial)).stream()
                .noneMatch(statement -> statement.contains("setval")));
    }

    @Test
    void foreignKeysAndUniquesRenderAllTheirOptions() {
        QualifiedName loans = QualifiedName.of("loans");
        ForeignKey key = ForeignKey.Columns.of("member_id", "branch")
                .referencesIn("crm", "members", "id", "branch")
                .onDelete(ForeignKey.Action.CASCADE)
                .onUpdate(ForeignKey.Action.SET_NULL)
                .deferrable(true);
        assertEquals(
                List.of(
                        "ALTER TABLE \"loans\" ADD CONSTRAINT \"loans_member_id_branch_fkey\" FOREIGN KEY (\"member_id\", \"branch\") "
                                + "REFERENCES \"crm\".\"members\" (\"id\", \"branch\") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED"),
                PostgresSql.statements(new AddForeignKey(loans, key)));
        assertEquals(
                List.of("ALTER TABLE \"loans\" DROP CONSTRAINT \"fk1\""),
                PostgresSql.statements(new DropForeignKey(loans, key.named("fk1"))));
        assertEquals(
                List.of("ALTER TABLE \"loans\" ADD CONSTRAINT \"loans_due_book_key\" UNIQUE (\"due\", \"book\")"),
                PostgresSql.statements(new AddUnique(loans, UniqueConstraint.of("due", "book"))));
        assertEquals(
                List.of("ALTER SEQUENCE \"loans_seq\" INCREMENT BY 10"),
                PostgresSql.statements(
                        new AlterSequence(Sequence.of("loans_seq", 1, 50), Sequence.of("loans_seq", 1, 10))));
    }

    /**
     * A sequence is created with the options that are not the defaults, and changed in one statement with every option
     * that changes; a minimum raised restarts it only when it stands below the new one.
     */
    @Test
    void sequencesRenderEveryOptionInOneStatement() {
        Sequence plain = Sequence.of("s", 1, 1);
        Sequence full = Sequence.of("s", 10, 2)
                .as("smallint")
                .minValue(10)
                .maxValue(20)
                .cache(5)
                .withCycle();
        assertEquals(
                List.of(
                        "CREATE SEQUENCE \"s\" AS smallint START WITH 10 INCREMENT BY 2 MINVALUE 10 MAXVALUE 20 CACHE 5 CYCLE"),
                PostgresSql.statements(new CreateSequence(full)));
        assertEquals(
                List.of(
                        "ALTER SEQUENCE \"s\" AS bigint START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1 NO CYCLE"),
                PostgresSql.statements(new AlterSequence(full, plain)));
        String alter =
                "ALTER SEQUENCE \"s\" AS smallint START WITH 10 INCREMENT BY 2 MINVALUE 10 MAXVALUE 20 CACHE 5 CYCLE";
        assertEquals(
                List.of("DO $retort$ BEGIN IF (SELECT last_value FROM \"s\") < 10 THEN " + alter + " RESTART; ELSE "
                        + alter + "; END IF; END $retort$"),
                PostgresSql.statements(new AlterSequence(plain, full)));
        assertEquals(
                List.of("ALTER SEQUENCE \"s\" AS integer NO MAXVALUE"),
                PostgresSql.statements(new AlterSequence(plain, plain.as("integer"))),
                "a default bound is the new type's own");
        assertEquals(
                List.of(new Hazard(
                        Hazard.Kind.FAILS_ON_DATA,
                        "narrows sequence s to maxvalue 2147483647: fails if it has already gone past it")),
                new AlterSequence(plain, plain.as("integer")).hazards());
    }

    @Test
    void indexesRenderEveryOption() {
        QualifiedName books = new QualifiedName("lib", "books");
        Index index = Index.of(List.of(
                        Index.Key.of("title").desc(),
                        Index.Key.of("(lower(isbn))").nullsFirst(true),
                        new Index.Key("id", true, false)))
                .asUnique()
                .withInclude(List.of("author_id"))
                .where("(id > 0)")
                .withNullsNotDistinct();
        assertEquals(
                List.of(
                        "CREATE UNIQUE INDEX \"books_title_expr_id_idx\" ON \"lib\".\"books\" (\"title\" DESC, (lower(isbn)) NULLS FIRST, "
                                + "\"id\" DESC NULLS LAST) INCLUDE (\"author_id\") NULLS NOT DISTINCT WHERE (id > 0)"),
                PostgresSql.statements(new CreateIndex(books, index)));
        assertEquals(
                List.of("DROP INDEX \"lib\".\"t_idx\""),
                PostgresSql.statements(new DropIndex(books, index.named("t_idx"))));
        assertEquals(
                List.of("CREATE INDEX \"books_tags_idx\" ON \"lib\".\"books\" USING gin (\"tags\")"),
                PostgresSql.statements(new CreateIndex(books, Index.on("tags").using("gin"))));
    }

    @Test
    void commentsAreLiteralsAndACommentOnlyChangeIsNoAlterTable() {
        QualifiedName users = QualifiedName.of("users");
        Column name = Column.of("name", "text");
        assertEquals(
                List.of("COMMENT ON COLUMN \"users\".\"name\" IS 'it''s \"quoted\"'"),
                PostgresSql.statements(new AlterColumn(users, name, name.comment("it's \"quoted\""))));
        assertEquals(
                List.of("COMMENT ON TABLE \"users\" IS NULL"),
                PostgresSql.statements(new AlterTableComment(users, "old", null)));
        assertEquals(
                List.of("ALTER TABLE \"users\" SET UNLOGGED"),
                PostgresSql.statements(new AlterTablePersistence(users, true)));
        assertEquals(
                List.of("ALTER TABLE \"users\" SET LOGGED"),
                PostgresSql.statements(new AlterTablePersistence(users, false)));
        assertEquals(
                List.of("CREATE UNLOGGED TABLE \"users\" (\n    \"name\" text\n)"),
                PostgresSql.statements(new CreateTable(
                        Table.of(users, List.of(Column.of("name", "text"))).withUnlogged(true))));
        Table table = Table.of(users, List.of(name.comment("full name"))).withComment("people");
        List<String> create = PostgresSql.statements(new CreateTable(table));
        assertEquals(
                List.of(
                        "COMMENT ON TABLE \"users\" IS 'people'",
                        "COMMENT ON COLUMN \"users\".\"name\" IS 'full name'"),
                create.subList(1, 3));
    }

    @Test
    void enumLabelsAreAddedInPlace() {
        assertEquals(
                List.of(
                        "ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'ok' BEFORE 'happy'",
                        "ALTER TYPE \"mood\" ADD VALUE IF NOT EXISTS 'ecstatic' AFTER 'happy'"),
                PostgresSql.statements(new AlterEnum(
                        EnumType.of("mood", "sad", "happy"), EnumType.of("mood", "sad", "ok", "happy", "ecstatic"))));
        List<String> rebuild = PostgresSql.statements(
                new AlterEnum(EnumType.of("mood", "sad", "happy"), EnumType.of("mood", "happy")));
        assertEquals("ALTER TYPE \"mood\" RENAME TO \"mood__retort_old\"", rebuild.get(0));
        assertEquals("CREATE TYPE \"mood\" AS ENUM ('happy')", rebuild.get(1));
        assertEquals("DROP TYPE \"mood__retort_old\"", rebuild.get(3));
    }

    @Test
    void enumCastsAreHibernatesAndMoveWithARebuiltType() {
        QualifiedName mood = new QualifiedName("crm", "mood");
        Set<EnumType.Cast> both = Set.of(EnumType.Cast.TO_VARCHAR, EnumType.Cast.FROM_VARCHAR);
        assertEquals(
                List.of(
                        "CREATE CAST (varchar AS \"crm\".\"mood\") WITH INOUT AS IMPLICIT",
                        "CREATE CAST (\"crm\".\"mood\" AS varchar) WITH INOUT AS IMPLICIT"),
                PostgresSql.statements(new AddEnumCasts(mood, both)));
        assertEquals(
                List.of("DROP CAST (\"crm\".\"mood\" AS varchar)"),
                PostgresSql.statements(new DropEnumCasts(mood, Set.of(EnumType.Cast.TO_VARCHAR))));
        EnumType from = EnumType.of("mood", "sad", "happy").withVarcharCasts();
        List<String> rebuild = PostgresSql.statements(
                new AlterEnum(from, EnumType.of("mood", "happy").withVarcharCasts()));
        assertEquals(
                List.of(
                        "DROP CAST (varchar AS \"mood__retort_old\")",
                        "DROP CAST (\"mood__retort_old\" AS varchar)",
                        "DROP TYPE \"mood__retort_old\"",
                        "CREATE CAST (varchar AS \"mood\") WITH INOUT AS IMPLICIT",
                        "CREATE CAST (\"mood\" AS varchar) WITH INOUT AS IMPLICIT"),
                rebuild.subList(3, rebuild.size()));
    }

    @Test
    void renames() {
        assertEquals(
                List.of("ALTER TABLE \"Sales \"\"EU\"\"\".\"Order\"\"s\" RENAME TO \"orders\""),
                PostgresSql.statements(new RenameTable(ODD, "orders")));
        assertEquals(
                List.of("ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\""),
                PostgresSql.statements(new RenameColumn(QualifiedName.of("users"), "name", "full_name")));
    }
}
