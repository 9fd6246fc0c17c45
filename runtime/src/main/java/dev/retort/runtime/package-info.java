/**
 * Retort's runtime API, what applications use: the {@link Retort} facade, {@link Migration},
 * {@link Revision}, the {@link Ops} DSL, and the results, listener and exceptions of the facade's
 * verbs. Everything in {@code dev.retort.runtime.internal} may change without notice.
 */
package dev.retort.runtime;
