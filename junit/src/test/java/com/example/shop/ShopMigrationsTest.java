package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortDatabase;
import dev.retort.junit.RetortExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample project's own test, registering the extension with a builder: the server is the one the
 * rest of Retort's tests use ({@code RETORT_TEST_DB_URL}, default the local one).
 */
class ShopMigrationsTest implements RetortContract {
    @RegisterExtension
    static final RetortExtension retort = RetortExtension.configure()
            .database(RetortDatabase.url(
                    System.getenv()
                            .getOrDefault(
                                    "RETORT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
                    null,
                    null))
            .migrationsPackage("com.example.shop.migrations")
            .entityPackages("com.example.shop.domain")
            .build();
}
