/** How {@code retort lint} reads migrations: the replayed tables, the walk and its rules, the SQL subset; no compatibility guarantees. */
package dev.retort.lint.internal;
