package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.diff.Differ;
import dev.retort.diff.Plan;
import dev.retort.fixtures.db.TestDatabase;
import dev.retort.op.Op;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.IdentityOptions;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded random pairs of schemas drawn from the whole supported scope (tables in two schemas,
 * columns with castable type changes, nullability, identity, defaults, primary keys, unique and
 * check constraints, foreign keys, indexes, sequences). For each pair: create A, apply the plan to
 * B, re-diff to nothing, apply the downgrade, re-diff to A. A failure names the seed, which
 * reproduces it with {@code -Dretort.random.seed=SEED -Dretort.random.pairs=1}.
 *
 * <p>{@code -Dretort.random.pairs=5000} makes the long run.
 */
class RandomRoundTripTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final SchemaScope SCOPE = new SchemaScope(List.of("public", "sales"), Set.of());
    /** Column types that PostgreSQL can cast between, so any change among them can be applied. */
    private static final List<String> CASTABLE =
            List.of("integer", "bigint", "smallint", "numeric(12,2)", "text", "varchar(40)", "double precision");
    /** Columns whose type never changes, by name. */
    private static final List<String[]> FIXED = List.of(
            new String[] {"flag", "boolean", "true"},
            new String[] {"day", "date", "CURRENT_DATE"},
            new String[] {"uid", "uuid", "gen_random_uuid()"},
            new String[] {"at", "timestamptz(6)", "now()"});

    @Test
    void randomPairsRoundTrip() throws SQLException {
        long base = Long.getLong("retort.random.seed", 20261121L);
        int pairs = Integer.getInteger("retort.random.pairs", 200);
        try (Connection c = db.connect()) {
            for (int i = 0; i < pairs; i++) {
                if (i > 0 && i % 100 == 0) vacuumCatalog(c);
                long seed = base + i;
                try {
                    roundTrip(c, seed);
                } catch (AssertionError | SQLException | RuntimeException e) {
                    fail(
                            "random pair with seed " + seed + " (rerun with -Dretort.random.seed=" + seed
                                    + " -Dretort.random.pairs=1): " + e,
                            e);
                }
            }
        }
    }

    private static void roundTrip(Connection c, long seed) throws SQLException {
        Random random = new Random(seed);
        Schema a = randomSchema(random);
        Schema b = randomSchema(random);
        reset(c);
        apply(c, Differ.diff(Schema.EMPTY, a).upgrade());
        Schema start = read(c);
        Schema target = ExpressionCanonicalizer.canonicalize(c, b);
        expectEmpty("setting up A", Differ.diff(start, ExpressionCanonicalizer.canonicalize(c, a)));
        Plan plan = Differ.diff(start, target);
        apply(c, plan.upgrade());
        expectEmpty("after upgrade", Differ.diff(read(c), target));
        apply(c, plan.downgrade());
        expectEmpty("after downgrade", Differ.diff(read(c), start));
    }

    private static void expectEmpty(String when, Plan plan) {
        if (!plan.isEmpty()) throw new AssertionError(when + ", still different: " + plan.upgrade());
    }

    static Schema randomSchema(Random random) {
        List<QualifiedName> names = new ArrayList<>();
        for (String name : List.of("t0", "t1", "t2", "t3")) {
            if (random.nextInt(3) > 0) names.add(new QualifiedName(random.nextInt(5) == 0 ? "sales" : null, name));
        }
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        for (QualifiedName name : names) {
            Table table = randomTable(random, name, names);
            if (random.nextInt(4) == 0) {
                // a serial column: its nextval default and the sequence it owns
                String sequence = name.name() + "_serial_no_seq";
                String qualified = name.schema() == null ? sequence : name.schema() + "." + sequence;
                List<Column> columns = new ArrayList<>(table.columns());
                columns.add(Column.of("serial_no", "integer")
                        .notNull()
                        .defaultValue("nextval('" + qualified + "'::regclass)"));
                table = table.withColumns(columns);
                sequences.add(Sequence.of(new QualifiedName(name.schema(), sequence), 1, 1)
                        .ownedBy(name.name(), "serial_no"));
            }
            tables.add(table);
        }
        for (String name : List.of("s0", "s1")) {
            if (random.nextBoolean())
                sequences.add(Sequence.of(name, 1 + random.nextInt(3), 1 + random.nextInt(3) * 24));
        }
        return new Schema(tables, sequences);
    }

    private static Table randomTable(Random random, QualifiedName name, List<QualifiedName> tables) {
        List<Column> columns = new ArrayList<>();
        Identity identity =
                List.of(Identity.NONE, Identity.BY_DEFAULT, Identity.ALWAYS).get(random.nextInt(3));
        Column id = Column.of("id", "bigint").notNull().withIdentity(identity);
        if (identity != Identity.NONE && random.nextInt(3) == 0) {
            IdentityOptions options = List.of(
                            IdentityOptions.DEFAULT.start(100),
                            IdentityOptions.DEFAULT.increment(5),
                            IdentityOptions.DEFAULT.withCycle().cache(10),
                            IdentityOptions.DEFAULT.minValue(10).maxValue(100000))
                    .get(random.nextInt(4));
            id = id.withIdentityOptions(options);
        }
        columns.add(id);
        if (random.nextInt(3) == 0)
            columns.add(Column.of("label", "text").collate(random.nextBoolean() ? "\"C\"" : null));
        if (random.nextInt(4) == 0)
            columns.add(Column.of("twice", "bigint").generatedAs(random.nextBoolean() ? "id * 2" : "id * 3"));
        for (int i = 0; i < 3; i++) {
            if (random.nextInt(4) == 0) continue;
            String type = CASTABLE.get(random.nextInt(CASTABLE.size()));
            Column column = Column.of("c" + i, type).withNullable(random.nextBoolean());
            if (random.nextInt(3) == 0)
                column =
                        column.defaultValue(type.startsWith("varchar") || type.equals("text") ? "'" + i + "'" : "" + i);
            columns.add(column);
        }
        for (String[] fixed : FIXED) {
            if (random.nextInt(3) != 0) continue;
            Column column = Column.of(fixed[0], fixed[1]).withNullable(random.nextBoolean());
            columns.add(random.nextBoolean() ? column.defaultValue(fixed[2]) : column);
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (QualifiedName other : tables) {
            if (other.equals(name) || random.nextInt(3) != 0) continue;
            String column = "ref_" + other.name();
            columns.add(Column.of(column, "bigint"));
            ForeignKey key = ForeignKey.Columns.of(column).references(other.name(), "id");
            if (other.schema() != null)
                key = ForeignKey.Columns.of(column).referencesIn(other.schema(), other.name(), "id");
            if (random.nextBoolean())
                key = key.onDelete(List.of(ForeignKey.Action.values()).get(random.nextInt(5)));
            if (random.nextInt(4) == 0) key = key.deferrable(random.nextBoolean());
            keys.add(key);
        }
        List<String> names =
                columns.stream().map(Column::name).filter(n -> !n.equals("id")).toList();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        if (!names.isEmpty()) {
            String first = names.get(random.nextInt(names.size()));
            String second = names.get(random.nextInt(names.size()));
            if (random.nextInt(3) == 0) {
                UniqueConstraint unique =
                        first.equals(second) ? UniqueConstraint.of(first) : UniqueConstraint.of(first, second);
                uniques.add(random.nextInt(3) == 0 ? unique.withNullsNotDistinct() : unique);
            }
            if (random.nextInt(3) == 0) checks.add(CheckConstraint.of(first + " IS NOT NULL OR id > 0"));
            if (random.nextInt(2) == 0) {
                Index index = Index.on(first);
                if (random.nextBoolean())
                    index = index.withKeys(List.of(new Index.Key(first, random.nextBoolean(), random.nextBoolean())));
                if (random.nextInt(4) == 0) index = index.where("(id > " + random.nextInt(10) + ")");
                if (random.nextInt(4) == 0 && !first.equals(second)) index = index.including(second);
                if (random.nextInt(5) == 0) index = index.asUnique();
                indexes.add(index);
            }
        }
        // not beside another index on label alone: two indexes of one shape are one to the differ, and the second
        // default name would clash
        boolean labelIndexed =
                indexes.stream().anyMatch(i -> i.keys().get(0).column().equals("label"));
        if (names.contains("label") && !labelIndexed && random.nextInt(3) == 0) {
            indexes.add(
                    Index.of(List.of(Index.Key.of("label").opclass(random.nextBoolean() ? "text_pattern_ops" : null)))
                            .named(name.name() + "_label_pattern"));
        }
        // every table keeps its key on id: other tables' foreign keys may reference it
        return Table.of(name, columns)
                .withPrimaryKey(PrimaryKey.of("id"))
                .withUniques(uniques)
                .withForeignKeys(keys)
                .withChecks(checks)
                .withIndexes(indexes);
    }

    private static Schema read(Connection c) {
        return ExpressionCanonicalizer.canonicalize(c, PostgresIntrospector.read(c, SCOPE));
    }

    /**
     * Thousands of tables created and dropped bloat the system catalogs and slow every catalog
     * query down more and more; vacuuming them keeps a long run linear.
     */
    private static void vacuumCatalog(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("VACUUM pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_type, pg_catalog.pg_depend, "
                    + "pg_catalog.pg_constraint, pg_catalog.pg_index, pg_catalog.pg_attrdef, pg_catalog.pg_sequence, "
                    + "pg_catalog.pg_description, pg_catalog.pg_enum, pg_catalog.pg_namespace");
        }
    }

    private static void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "DROP SCHEMA IF EXISTS sales CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE SCHEMA sales");
        }
    }

    private static void apply(Connection c, List<Op> ops) throws SQLException {
        try (Statement st = c.createStatement()) {
            // each table's column changes combined, as generated migrations run them
            for (String sql : PostgresSql.statements(ops)) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(
                            e.getMessage() + " in: " + sql + "\nof the plan:\n"
                                    + ops.stream().map(Op::toString).collect(Collectors.joining("\n")),
                            e);
                }
            }
        }
    }
}
