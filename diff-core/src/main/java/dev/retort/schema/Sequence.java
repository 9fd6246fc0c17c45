package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence that is not an identity column's own: its name, its type ({@code AS smallint},
 * {@code integer} or {@code bigint}, PostgreSQL's default), start and increment, its bounds (null for
 * the type's default in the sequence's direction, so a sequence declared without them and one read
 * back from the catalog compare equal), cache and cycle, the column that owns it ({@code OWNED BY},
 * as a {@code serial} column owns its sequence) or null, and whether it is unlogged (PostgreSQL 15's
 * {@code CREATE UNLOGGED SEQUENCE}; an unlogged table's {@code serial} sequence is unlogged).
 */
public record Sequence(
        QualifiedName name,
        String type,
        long start,
        long increment,
        Long minValue,
        Long maxValue,
        long cache,
        boolean cycle,
        Owner ownedBy,
        boolean unlogged)
        implements Comparable<Sequence> {
    /** PostgreSQL's type for a sequence declared without {@code AS}. */
    public static final String DEFAULT_TYPE = "bigint";

    public Sequence {
        requireNonNull(name, "name");
        type = Types.normalize(requireNonNull(type, "type"));
        long typeMax = typeMax(type);
        if (increment == 0) throw new IllegalArgumentException("sequence " + name + ": increment 0");
        if (cache < 1) throw new IllegalArgumentException("sequence " + name + ": cache " + cache);
        if (minValue != null && minValue == defaultMin(typeMax, increment)) minValue = null;
        if (maxValue != null && maxValue == defaultMax(typeMax, increment)) maxValue = null;
    }

    /** The column owning a sequence; PostgreSQL keeps a sequence in its owner table's schema. */
    /** A permanent sequence. */
    public Sequence(
            QualifiedName name,
            String type,
            long start,
            long increment,
            Long minValue,
            Long maxValue,
            long cache,
            boolean cycle,
            Owner ownedBy) {
        this(name, type, start, increment, minValue, maxValue, cache, cycle, ownedBy, false);
    }

    public record Owner(String table, String column) {
        public Owner {
            requireNonNull(table, "table");
            requireNonNull(column, "column");
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** A {@code bigint} sequence in the default schema, with the default bounds, cache and no cycle, without an owner. */
    public static Sequence of(String name, long start, long increment) {
        return of(new QualifiedName(null, name), start, increment);
    }

    /** A {@code bigint} sequence with the default bounds, cache and no cycle, without an owner. */
    public static Sequence of(QualifiedName name, long start, long increment) {
        return new Sequence(name, DEFAULT_TYPE, start, increment, null, null, 1, false, null);
    }

    /** The sequence as another integer type ({@code AS integer}); bounds left to their defaults stay so. */
    public Sequence as(String newType) {
        return new Sequence(name, newType, start, increment, minValue, maxValue, cache, cycle, ownedBy, unlogged);
    }

    public Sequence minValue(long value) {
        return new Sequence(name, type, start, increment, value, maxValue, cache, cycle, ownedBy, unlogged);
    }

    public Sequence maxValue(long value) {
        return new Sequence(name, type, start, increment, minValue, value, cache, cycle, ownedBy, unlogged);
    }

    public Sequence cache(long value) {
        return new Sequence(name, type, start, increment, minValue, maxValue, value, cycle, ownedBy, unlogged);
    }

    public Sequence withCycle() {
        return new Sequence(name, type, start, increment, minValue, maxValue, cache, true, ownedBy, unlogged);
    }

    public Sequence inSchema(String schema) {
        return new Sequence(
                new QualifiedName(schema, name.name()),
                type,
                start,
                increment,
                minValue,
                maxValue,
                cache,
                cycle,
                ownedBy,
                unlogged);
    }

    public Sequence ownedBy(String table, String column) {
        return new Sequence(
                name, type, start, increment, minValue, maxValue, cache, cycle, new Owner(table, column), unlogged);
    }

    public Sequence withoutOwner() {
        return ownedBy == null
                ? this
                : new Sequence(name, type, start, increment, minValue, maxValue, cache, cycle, null, unlogged);
    }

    /** The owner's table, in the sequence's schema, or null. */
    /** This sequence unlogged ({@code CREATE UNLOGGED SEQUENCE}, PostgreSQL 15) or permanent. */
    public Sequence withUnlogged(boolean newUnlogged) {
        return new Sequence(name, type, start, increment, minValue, maxValue, cache, cycle, ownedBy, newUnlogged);
    }

    public QualifiedName ownerTable() {
        return ownedBy == null ? null : new QualifiedName(name.schema(), ownedBy.table());
    }

    /** The lowest value, given or the default for the type and direction. */
    public long effectiveMin() {
        return minValue != null ? minValue : defaultMin(typeMax(type), increment);
    }

    /** The highest value, given or the default for the type and direction. */
    public long effectiveMax() {
        return maxValue != null ? maxValue : defaultMax(typeMax(type), increment);
    }

    /**
     * The options as {@code CREATE SEQUENCE} and {@code ALTER SEQUENCE} take them, every one spelled
     * out ({@code NO MINVALUE} for a default bound), so that one statement sets them all at once and
     * PostgreSQL checks them together (a start below the old minimum is fine with the new one).
     */
    public List<String> clauses() {
        List<String> clauses = new ArrayList<>();
        clauses.add("AS " + type);
        clauses.add("START WITH " + start);
        clauses.add("INCREMENT BY " + increment);
        clauses.add(minValue == null ? "NO MINVALUE" : "MINVALUE " + minValue);
        clauses.add(maxValue == null ? "NO MAXVALUE" : "MAXVALUE " + maxValue);
        clauses.add("CACHE " + cache);
        clauses.add(cycle ? "CYCLE" : "NO CYCLE");
        return clauses;
    }

    /** The options that differ from a plain {@code CREATE SEQUENCE}'s, as a reader sees them: {@code as integer minvalue 5}. */
    public String options() {
        List<String> parts = new ArrayList<>();
        if (unlogged) parts.add("unlogged");
        if (!type.equals(DEFAULT_TYPE)) parts.add("as " + type);
        parts.add("start " + start);
        parts.add("increment " + increment);
        if (minValue != null) parts.add("minvalue " + minValue);
        if (maxValue != null) parts.add("maxvalue " + maxValue);
        if (cache != 1) parts.add("cache " + cache);
        if (cycle) parts.add("cycle");
        return String.join(" ", parts);
    }

    private static long typeMax(String type) {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            case "bigint" -> Long.MAX_VALUE;
            default ->
                throw new IllegalArgumentException("sequence type " + type + ": not smallint, integer or bigint");
        };
    }

    private static long defaultMin(long typeMax, long increment) {
        return increment > 0 ? 1 : -typeMax - 1;
    }

    private static long defaultMax(long typeMax, long increment) {
        return increment > 0 ? typeMax : -1;
    }

    @Override
    public int compareTo(Sequence other) {
        return name.compareTo(other.name);
    }
}
