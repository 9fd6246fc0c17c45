package dev.retort.spring;

import dev.retort.fixtures.db.MariaDbTestDatabase;

/**
 * The tests of {@link MariaDbStartupTest} on a MySQL server (9.7, which {@code .ci/run} starts): the starter's {@code
 * Retort} bean takes MySQL's runner from Spring Boot's pool, the migrations run before JPA validates its table against
 * MySQL, and a second start finds nothing to do.
 */
class MySqlStartupTest extends MariaDbStartupTest {
    @Override
    MariaDbTestDatabase server() {
        return MariaDbTestDatabase.mysql();
    }
}
