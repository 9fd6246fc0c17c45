package dev.retort.runtime;

/**
 * One revision of the schema: what to do to go up, and what to do to come back down. Implementations
 * carry a {@link Revision} annotation and describe their changes through {@link Ops}.
 */
public interface Migration {
    void upgrade(Ops op);

    void downgrade(Ops op);
}
