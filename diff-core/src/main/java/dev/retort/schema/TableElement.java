package dev.retort.schema;

/** A part of a table definition: a column or the primary key. */
public sealed interface TableElement permits Column, PrimaryKey {}
