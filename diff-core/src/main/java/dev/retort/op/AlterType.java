package dev.retort.op;

import static java.util.Objects.requireNonNull;

import dev.retort.schema.CompositeType;
import dev.retort.schema.CompositeType.Attribute;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a composite type's attributes in place, in one {@code ALTER TYPE}: attributes dropped,
 * types changed, attributes added. PostgreSQL adds an attribute at the end, so the attributes that
 * keep their place are the longest start of the new order that the old one has in the same order;
 * every other old attribute is dropped and, if the new type has it, added again at its place, its
 * values lost. PostgreSQL refuses to change an attribute's type while a column uses the type.
 */
public record AlterType(CompositeType from, CompositeType to) implements Op {
    public AlterType {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.name().equals(to.name()))
            throw new IllegalArgumentException("alter type " + from.name() + " cannot rename it");
        if (from.sameAs(to)) throw new IllegalArgumentException("alter type " + from.name() + " changes nothing");
    }

    /** What the statement does, attribute by attribute, in the order it does it. */
    public record Changes(List<Attribute> dropped, List<Attribute> retyped, List<Attribute> added) {}

    public Changes changes() {
        List<Attribute> kept = kept();
        List<Attribute> dropped = new ArrayList<>();
        for (Attribute old : from.attributes())
            if (kept.stream().noneMatch(k -> k.name().equals(old.name()))) dropped.add(old);
        List<Attribute> retyped = new ArrayList<>();
        for (Attribute attribute : kept)
            if (!from.attribute(attribute.name()).orElseThrow().sameDefinition(attribute)) retyped.add(attribute);
        List<Attribute> added =
                to.attributes().subList(kept.size(), to.attributes().size());
        return new Changes(List.copyOf(dropped), List.copyOf(retyped), List.copyOf(added));
    }

    /** The new type's attributes that stay where they are: its longest start the old type has in that order. */
    private List<Attribute> kept() {
        List<Attribute> kept = new ArrayList<>();
        int last = -1;
        for (Attribute attribute : to.attributes()) {
            int at = position(from, attribute.name());
            if (at <= last) break;
            kept.add(attribute);
            last = at;
        }
        return kept;
    }

    /** Where the type has an attribute of that name; -1 where it has none. */
    private static int position(CompositeType type, String name) {
        for (int i = 0; i < type.attributes().size(); i++)
            if (type.attributes().get(i).name().equals(name)) return i;
        return -1;
    }

    @Override
    public QualifiedName table() {
        return to.name();
    }

    @Override
    public AlterType reverse() {
        return new AlterType(to, from);
    }

    @Override
    public List<Hazard> hazards() {
        Changes changes = changes();
        List<Hazard> hazards = new ArrayList<>();
        for (Attribute dropped : changes.dropped()) {
            String again = to.attribute(dropped.name()).isPresent() ? ", added again at its new place empty" : "";
            hazards.add(new Hazard(
                    Hazard.Kind.DATA_LOSS,
                    "drops attribute " + dropped.name() + " of type " + to.name() + again
                            + ": its values in every column of the type are lost"));
        }
        for (Attribute retyped : changes.retyped())
            hazards.add(new Hazard(
                    Hazard.Kind.FAILS_ON_DATA,
                    "changes attribute " + retyped.name() + " of type " + to.name() + " to " + retyped.type()
                            + ", which PostgreSQL refuses while a column uses the type: move such columns off it"
                            + " by hand first"));
        return List.copyOf(hazards);
    }
}
