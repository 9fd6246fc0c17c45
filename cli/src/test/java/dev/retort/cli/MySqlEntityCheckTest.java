package dev.retort.cli;

import dev.retort.fixtures.db.MariaDbTestDatabase;
import java.util.List;

/**
 * Hibernate as the oracle on MySQL: the tests of {@link MariaDbEntityCheckTest}, with the schema Hibernate's own export
 * creates with its MySQL dialect (8.4, the version Retort maps for) run on a fresh database of a MySQL server (9.7,
 * which {@code .ci/run} starts), checked through {@code retort check}, where the entities are mapped again with the
 * MySQL dialect once the server turns out to be MySQL.
 */
class MySqlEntityCheckTest extends MariaDbEntityCheckTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }

    /** MySQL's policy names its server and its own algorithms (held to MySQL by {@code MySqlHazardsTest}). */
    @Override
    String worded(String expected) {
        return expected.replace("MariaDB 10.11 has", "MySQL has").replace("ALGORITHM=NOCOPY", "ALGORITHM=INPLACE");
    }

    @Override
    List<String> product() {
        return List.of("MySQL", "8", "4");
    }
}
