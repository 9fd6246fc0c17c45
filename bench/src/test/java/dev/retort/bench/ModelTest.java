package dev.retort.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generated schema has the issue's proportions, and the known differences touch distinct tables; no database needed. */
class ModelTest {
    @Test
    void thousandTablesHaveTheIssuesProportions() {
        Model model = Model.generate(1000);
        assertEquals(1000, model.tables().size());
        assertEquals(13_000, model.columnCount());
        assertEquals(4_500, model.indexCount());
        assertEquals(1_000, model.foreignKeyCount());
    }

    @Test
    void knownDifferencesAreElevenOperationsOnBothSides() {
        Differences differences = Differences.apply(Model.generate(100));
        assertEquals(11, differences.expected().size());
        assertEquals(11, differences.expectedBetweenDatabases().size());
        assertEquals(101, differences.database().tables().size());
        assertEquals(101, differences.entities().tables().size());
        assertTrue(SqlWriter.write(differences.database()).contains("WHERE active;"));
    }

    /** MariaDB's DDL has its native {@code uuid}; MySQL's has {@code binary(16)}, as Hibernate's MySQL dialect maps it. */
    @Test
    void mySqlsDdlIsMariaDbsButForTheUuidType() {
        Model model = Model.generate(10).forMariaDb();
        String mariaDb = SqlWriter.write(model, true);
        String mySql = SqlWriter.write(model, true, true);
        assertTrue(mariaDb.contains(" uuid"), mariaDb);
        assertTrue(!mySql.contains(" uuid") && mySql.contains(" binary(16)"), mySql);
        assertEquals(mariaDb, mySql.replace(" binary(16)", " uuid"));
    }
}
