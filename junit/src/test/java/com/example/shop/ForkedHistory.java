package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The contract on a history with two heads; run by {@code RetortContractFailureTest}, not on its own. */
@RetortTest(migrationsPackage = "com.example.forked.migrations", entityPackages = "com.example.shop.domain")
public class ForkedHistory implements RetortContract {}
