package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The contract on a history whose second upgrade fails; run by {@code RetortContractFailureTest}, not on its own. */
@RetortTest(migrationsPackage = "com.example.failing.migrations", entityPackages = "com.example.shop.domain")
public class FailingUpgrade implements RetortContract {}
