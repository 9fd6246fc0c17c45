package dev.retort.schema;

/** A part of a table definition: a column, the primary key, a unique constraint or a foreign key. */
public sealed interface TableElement permits Column, PrimaryKey, UniqueConstraint, ForeignKey {}
