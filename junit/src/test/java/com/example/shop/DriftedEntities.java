package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The contract on entities changed without a migration; run by {@code RetortContractFailureTest}, not on its own. */
@RetortTest(migrationsPackage = "com.example.shop.migrations", entityPackages = "com.example.drift.domain")
public class DriftedEntities implements RetortContract {}
