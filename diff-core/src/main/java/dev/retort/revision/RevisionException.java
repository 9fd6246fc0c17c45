package dev.retort.revision;

import dev.retort.RetortException;
import java.util.List;

/** A problem with the revision graph or with a revision a user named; one subtype per cause. */
public class RevisionException extends RetortException {
    RevisionException(String message) {
        super(message);
    }

    /** Two migrations declare the same revision id. */
    public static final class Duplicate extends RevisionException {
        Duplicate(String id, String first, String second) {
            super("duplicate revision id " + id + ": declared by " + first + " and " + second);
        }
    }

    /** A migration revises a revision that does not exist. */
    public static final class MissingParent extends RevisionException {
        MissingParent(String id, String parent) {
            super("revision " + id + " revises " + parent + ", which does not exist");
        }
    }

    /** The revisions revise each other in a circle. */
    public static final class Cycle extends RevisionException {
        Cycle(List<String> ids) {
            super("revisions form a cycle: " + String.join(" -> ", ids));
        }
    }

    /** A name matches no revision. */
    public static final class Unknown extends RevisionException {
        Unknown(String name) {
            super("no such revision: " + name);
        }
    }

    /** A prefix matches several revisions. */
    public static final class Ambiguous extends RevisionException {
        Ambiguous(String prefix, List<String> candidates) {
            super("revision prefix " + prefix + " is ambiguous: matches " + String.join(", ", candidates));
        }
    }

    /** {@code head} was asked for where the history has several heads. */
    public static final class MultipleHeads extends RevisionException {
        MultipleHeads(List<String> heads) {
            super("the history has several heads (" + String.join(", ", heads)
                    + "); name one of them, or run 'retort heads' to see them");
        }
    }

    /** A relative target ({@code +N}, {@code -N}) that walks past the end of the history. */
    public static final class OutOfRange extends RevisionException {
        OutOfRange(String message) {
            super(message);
        }
    }
}
