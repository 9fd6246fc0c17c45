package dev.retort.schema;

/**
 * A table's persistence, as an element of its definition: present when the table is unlogged
 * ({@code CREATE UNLOGGED TABLE}), absent for a permanent one.
 */
public record Unlogged() implements TableElement {}
