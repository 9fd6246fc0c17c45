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

    /** A migration declares an id that the version table cannot hold or a target cannot name. */
    public static final class InvalidId extends RevisionException {
        private final String source;
        private final String id;

        InvalidId(String source, String id, String problem) {
            super(source + ": revision id " + RevisionIds.quoted(id) + " " + problem);
            this.source = source;
            this.id = id;
        }

        /** Where the id was declared. */
        public String source() {
            return source;
        }

        public String id() {
            return id;
        }
    }

    /** A migration declares a branch label that no target could name. */
    public static final class InvalidLabel extends RevisionException {
        private final String label;

        InvalidLabel(String source, String label, String problem) {
            super(source + ": branch label " + RevisionIds.quoted(label) + " " + problem);
            this.label = label;
        }

        /** The label as declared. */
        public String label() {
            return label;
        }
    }

    /** Two revisions carry the same branch label. */
    public static final class DuplicateLabel extends RevisionException {
        DuplicateLabel(String label, String first, String second) {
            super("branch label " + label + " is declared by both " + first + " and " + second);
        }
    }

    /** A migration revises, or depends on, a revision that does not exist. */
    public static final class MissingParent extends RevisionException {
        MissingParent(String id, String relation, String parent) {
            super("revision " + id + " " + relation + " " + parent + ", which does not exist");
        }
    }

    /** A revision revises or depends on itself, directly or through its own descendants. */
    public static final class SelfAncestor extends RevisionException {
        SelfAncestor(String id, List<String> path) {
            super("revision " + id + " is its own ancestor: " + String.join(" -> ", path));
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
        MultipleHeads(String what, List<String> heads) {
            super(
                    what + " has several heads (" + String.join(", ", heads)
                            + "): name one, use 'heads' for all of them or "
                            + "LABEL@head for one branch, or join them with 'retort merge -m MESSAGE heads'; 'retort heads' lists them");
        }
    }

    /** A target that cannot be reached from where the database is, or that walks past the ends of the history. */
    public static final class OutOfRange extends RevisionException {
        OutOfRange(String message) {
            super(message);
        }
    }
}
