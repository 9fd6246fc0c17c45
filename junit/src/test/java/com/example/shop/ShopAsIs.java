package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The sample's contract on the database the URL names, as it is; run by {@code RetortContractFailureTest}. */
@RetortTest(
        migrationsPackage = "com.example.shop.migrations",
        entityPackages = "com.example.shop.domain",
        scratchDatabase = false)
public class ShopAsIs implements RetortContract {}
