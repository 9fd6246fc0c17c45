package dev.retort.junit;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The sample project's contract of {@link MariaDbContractTest} with {@code retort.test.url} a MySQL server: the
 * same migrations and entities pass (the entities mapped with Hibernate's MySQL dialect there), each broken variant
 * fails its named check, every scratch database is gone afterwards.
 */
class MySqlContractTest extends MariaDbContractTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
