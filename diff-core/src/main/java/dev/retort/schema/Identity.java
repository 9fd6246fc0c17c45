package dev.retort.schema;

/** Whether, and how, a column is an identity column ({@code GENERATED ... AS IDENTITY}). */
public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS
}
