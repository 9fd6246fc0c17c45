package com.example.shop;

import dev.retort.junit.RetortContract;
import dev.retort.junit.RetortTest;

/** The sample's contract, on scratch databases of the server the URL names; run by the MariaDB contract test. */
@RetortTest(migrationsPackage = "com.example.shop.migrations", entityPackages = "com.example.shop.domain")
public class Shop implements RetortContract {}
