package dev.retort.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.fixtures.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the server's catalog says converts, on a real PostgreSQL, and the SQL renderer's spelling checked against it. */
class CatalogCastsTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void castsComeFromTheCatalogWithDomainsByBaseAndArraysByElement() throws Exception {
        db.reset();
        db.execute("DROP TYPE IF EXISTS cast_mood; DROP DOMAIN IF EXISTS cast_count");
        db.execute(
                "CREATE TYPE cast_mood AS ENUM ('sad', 'happy'); CREATE DOMAIN cast_count AS bigint CHECK (VALUE >= 0)");
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("bigint>timestamp(6)", false);
        expected.put("boolean>date", false);
        expected.put("bigint>boolean", false);
        expected.put("integer>boolean", true); // an explicit cast
        expected.put("integer>bigint", true); // implicit
        expected.put("bigint>integer", true); // assignment
        expected.put("text>integer", true); // the I/O of a string type, explicitly
        expected.put("timestamp(6)>varchar(20)", true); // to a string type, by assignment
        expected.put("varchar(20)>text", true); // binary coercible
        expected.put("bigint[]>timestamp(6)[]", false);
        expected.put("integer[]>bigint[]", true);
        expected.put("integer>integer[]", false);
        expected.put("cast_count>timestamp(6)", false);
        expected.put("timestamp(6)>cast_count", false);
        expected.put("integer>cast_count", true);
        expected.put("cast_mood>timestamp(6)", true); // through text, as Retort writes it
        expected.put("not_a_type>timestamp(6)", true); // not the catalog's to judge
        List<String> names = new ArrayList<>();
        for (String pair : expected.keySet()) names.addAll(List.of(pair.split(">")));
        CatalogCasts casts;
        try (Connection c = db.connect()) {
            casts = CatalogCasts.read(c, names);
        }
        Map<String, Boolean> actual = new LinkedHashMap<>();
        for (String pair : expected.keySet()) {
            String[] types = pair.split(">");
            actual.put(pair, casts.converts(types[0], types[1]));
        }
        assertEquals(expected, actual);
    }

    /**
     * The renderer writes no {@code USING} exactly where the catalog has an implicit or assignment
     * cast (or the automatic I/O conversion to a string type): its type-pair rule, kept so that
     * offline scripts need no connection, must say what the server says.
     */
    @Test
    void theRenderersUsingRuleAgreesWithTheCatalog() throws Exception {
        List<String> types = List.of(
                "smallint",
                "integer",
                "bigint",
                "numeric",
                "real",
                "double precision",
                "text",
                "varchar",
                "char",
                "boolean",
                "date",
                "time",
                "timetz",
                "timestamp",
                "timestamptz",
                "interval",
                "uuid",
                "json",
                "jsonb",
                "bytea",
                "inet",
                "cidr",
                "macaddr",
                "money",
                "xml",
                "bit",
                "varbit");
        List<String> disagree = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement("""
                        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_cast WHERE castsource = pg_catalog.to_regtype(?)
                                       AND casttarget = pg_catalog.to_regtype(?) AND castcontext IN ('i', 'a'))
                            OR (SELECT typcategory = 'S' FROM pg_catalog.pg_type WHERE oid = pg_catalog.to_regtype(?))
                        """)) {
            for (String from : types) {
                for (String to : types) {
                    if (from.equals(to)) continue;
                    st.setString(1, from);
                    st.setString(2, to);
                    st.setString(3, to);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        boolean assignment = rs.getBoolean(1);
                        if (TypeConversion.needsUsing(from, to) == assignment) disagree.add(from + " -> " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), disagree);
    }
}
