/** The embedded server's parts: no compatibility guarantees. */
package dev.retort.embedded.internal;
