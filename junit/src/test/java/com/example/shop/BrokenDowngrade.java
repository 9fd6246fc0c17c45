package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The contract on a history whose second downgrade is wrong; run by {@code RetortContractFailureTest}, not on its own. */
@RetortTest(migrationsPackage = "com.example.broken.migrations", entityPackages = "com.example.shop.domain")
public class BrokenDowngrade implements RetortContract {}
