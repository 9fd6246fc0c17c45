package dev.retort.lint;

import dev.retort.RetortException;

/** Lint could not read a migration as written: a waiver naming no rule, a suppression without a reason. */
public class LintException extends RetortException {
    public LintException(String message) {
        super(message);
    }
}
