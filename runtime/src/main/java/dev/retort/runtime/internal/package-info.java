/**
 * Retort's internals, with no compatibility guarantees: applications use {@code dev.retort.runtime}.
 */
package dev.retort.runtime.internal;
