package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A schema as an object of its own ({@code CREATE SCHEMA}): its name, its comment or null, and, as the
 * catalog lists them, the objects it holds (every one, in scope or not), so that a plan drops it only
 * once nothing would be left in it. An entity model's schemas, and the ones operations carry, hold
 * nothing.
 */
public record Namespace(String name, String comment, List<Member> members) implements Comparable<Namespace> {
    public Namespace {
        requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("empty schema name");
        members = List.copyOf(requireNonNull(members, "members"));
    }

    /** One object a schema holds, as the catalog names it: its kind ({@code table}, {@code view}, ...), its name and how a message shows it. */
    public record Member(String kind, String name, String shown) {
        public Member {
            requireNonNull(kind, "kind");
            requireNonNull(name, "name");
            requireNonNull(shown, "shown");
        }
    }

    /** A schema without a comment. */
    public static Namespace of(String name) {
        return new Namespace(name, null, List.of());
    }

    public Namespace comment(String text) {
        return new Namespace(name, text, members);
    }

    public Namespace withMembers(List<Member> held) {
        return new Namespace(name, comment, held);
    }

    /** The schema as an operation carries it: its name and comment. */
    public Namespace withoutMembers() {
        return members.isEmpty() ? this : new Namespace(name, comment, List.of());
    }

    @Override
    public int compareTo(Namespace other) {
        return name.compareTo(other.name);
    }
}
