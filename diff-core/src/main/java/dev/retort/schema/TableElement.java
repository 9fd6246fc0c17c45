package dev.retort.schema;

/** A part of a table definition: a column, the primary key, a unique, check or foreign-key constraint, an index, the comment, unlogged, MariaDB's table options. */
public sealed interface TableElement
        permits Column,
                PrimaryKey,
                UniqueConstraint,
                CheckConstraint,
                ForeignKey,
                Index,
                TableComment,
                Unlogged,
                TableOptions {}
