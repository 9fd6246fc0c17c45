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
        private final String id;
        private final String first;
        private final String second;

        Duplicate(String id, String first, String second) {
            super("duplicate revision id " + id + ": declared by " + first + " and " + second);
            this.id = id;
            this.first = first;
            this.second = second;
        }

        public String id() {
            return id;
        }

        /** Where the id was declared first. */
        public String first() {
            return first;
        }

        /** Where it was declared again. */
        public String second() {
            return second;
        }
    }

    /** A migration declares an id that the version table cannot hold or a target cannot name. */
    public static final class InvalidId extends RevisionException {
        private final String source;
        private final String id;
        private final String problem;

        InvalidId(String source, String id, String problem) {
            super(source + ": revision id " + RevisionIds.quoted(id) + " " + problem);
            this.source = source;
            this.id = id;
            this.problem = problem;
        }

        /** Where the id was declared. */
        public String source() {
            return source;
        }

        public String id() {
            return id;
        }

        /** What is wrong with it, as in "is empty". */
        public String problem() {
            return problem;
        }
    }

    /** A migration declares a branch label that no target could name. */
    public static final class InvalidLabel extends RevisionException {
        private final String source;
        private final String label;
        private final String problem;

        InvalidLabel(String source, String label, String problem) {
            super(source + ": branch label " + RevisionIds.quoted(label) + " " + problem);
            this.source = source;
            this.label = label;
            this.problem = problem;
        }

        /** Where the label was declared. */
        public String source() {
            return source;
        }

        /** The label as declared. */
        public String label() {
            return label;
        }

        /** What is wrong with it, as in "is reserved: ...". */
        public String problem() {
            return problem;
        }
    }

    /** Two revisions carry the same branch label. */
    public static final class DuplicateLabel extends RevisionException {
        private final String label;
        private final String first;
        private final String second;

        DuplicateLabel(String label, String first, String second) {
            super("branch label " + label + " is declared by both " + first + " and " + second);
            this.label = label;
            this.first = first;
            this.second = second;
        }

        public String label() {
            return label;
        }

        /** The revision that declared the label first. */
        public String first() {
            return first;
        }

        /** The revision that declared it again. */
        public String second() {
            return second;
        }
    }

    /** A migration revises, or depends on, a revision that does not exist. */
    public static final class MissingRevision extends RevisionException {
        private final String id;
        private final String relation;
        private final String missing;

        MissingRevision(String id, String relation, String missing) {
            super("revision " + id + " " + relation + " " + missing + ", which does not exist");
            this.id = id;
            this.relation = relation;
            this.missing = missing;
        }

        /** The revision that names the missing one. */
        public String id() {
            return id;
        }

        /** How it names it: "revises" or "depends on". */
        public String relation() {
            return relation;
        }

        /** The id that no revision has. */
        public String missing() {
            return missing;
        }
    }

    /** A revision revises or depends on itself, directly or through its own descendants. */
    public static final class SelfAncestor extends RevisionException {
        private final String id;
        private final List<String> path;

        SelfAncestor(String id, List<String> path) {
            super("revision " + id + " is its own ancestor: " + String.join(" -> ", path));
            this.id = id;
            this.path = List.copyOf(path);
        }

        public String id() {
            return id;
        }

        /** The revisions from it back to itself. */
        public List<String> path() {
            return path;
        }
    }

    /** The revisions revise each other in a circle. */
    public static final class Cycle extends RevisionException {
        private final List<String> ids;

        Cycle(List<String> ids) {
            super("revisions form a cycle: " + String.join(" -> ", ids));
            this.ids = List.copyOf(ids);
        }

        /** The revisions of the circle, the first repeated at the end. */
        public List<String> ids() {
            return ids;
        }
    }

    /** A name matches no revision. */
    public static final class Unknown extends RevisionException {
        private final String name;

        Unknown(String name) {
            this(name, name);
        }

        private Unknown(String shown, String name) {
            super("no such revision: " + shown);
            this.name = name;
        }

        /** No revision declares the branch label. */
        static Unknown label(String label) {
            return new Unknown("branch label " + label, label);
        }

        /** The id, prefix or branch label as it was given. */
        public String name() {
            return name;
        }
    }

    /** A prefix matches several revisions. */
    public static final class Ambiguous extends RevisionException {
        private final String prefix;
        private final List<String> candidates;

        Ambiguous(String prefix, List<String> candidates) {
            super("revision prefix " + prefix + " is ambiguous: matches " + String.join(", ", candidates));
            this.prefix = prefix;
            this.candidates = List.copyOf(candidates);
        }

        public String prefix() {
            return prefix;
        }

        /** The revisions it matches, sorted. */
        public List<String> candidates() {
            return candidates;
        }
    }

    /** {@code head} was asked for where the history has several heads. */
    public static final class MultipleHeads extends RevisionException {
        private final String what;
        private final List<String> heads;

        MultipleHeads(String what, List<String> heads) {
            super(
                    what + " has several heads (" + String.join(", ", heads)
                            + "): name one, use 'heads' for all of them or "
                            + "LABEL@head for one branch, or join them with 'retort merge -m MESSAGE heads'; 'retort heads' lists them");
            this.what = what;
            this.heads = List.copyOf(heads);
        }

        /** What has the heads: "the history", or a branch. */
        public String what() {
            return what;
        }

        public List<String> heads() {
            return heads;
        }
    }

    /** A target that cannot be reached from where the database is, or that walks past the ends of the history. */
    public static final class OutOfRange extends RevisionException {
        private final String target;

        OutOfRange(String target, String message) {
            super(message);
            this.target = target;
        }

        /** The target the message is about: as typed ({@code +2}, {@code cart@-1}), or the revision it resolved to. */
        public String target() {
            return target;
        }
    }
}
