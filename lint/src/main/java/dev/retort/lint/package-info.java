/** {@code retort lint}'s API: {@link dev.retort.lint.Linter}, its {@link dev.retort.lint.Rule}s and what it finds. */
package dev.retort.lint;
