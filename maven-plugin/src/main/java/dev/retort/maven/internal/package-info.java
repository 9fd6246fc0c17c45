/** The Maven plugin's helpers: no compatibility guarantees. */
package dev.retort.maven.internal;
