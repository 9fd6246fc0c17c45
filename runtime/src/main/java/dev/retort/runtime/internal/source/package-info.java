/**
 * Retort's internals (source-mode migrations and their compile cache), with no compatibility
 * guarantees: applications use {@code dev.retort.runtime}.
 */
package dev.retort.runtime.internal.source;
