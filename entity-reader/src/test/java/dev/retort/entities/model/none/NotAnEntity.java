package dev.retort.entities.model.none;

/** A package without entities. */
public class NotAnEntity {}
