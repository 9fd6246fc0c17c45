package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sequence options of an identity column that differ from PostgreSQL's defaults for its type:
 * start, increment, minimum, maximum, cache and cycle. Null means "the default", so an identity
 * declared without options and one read back from the catalog compare equal.
 */
public record IdentityOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {
    public static final IdentityOptions DEFAULT = new IdentityOptions(null, null, null, null, null, false);

    public IdentityOptions start(long value) {
        return new IdentityOptions(value, increment, minValue, maxValue, cache, cycle);
    }

    public IdentityOptions increment(long value) {
        return new IdentityOptions(start, value, minValue, maxValue, cache, cycle);
    }

    public IdentityOptions minValue(long value) {
        return new IdentityOptions(start, increment, value, maxValue, cache, cycle);
    }

    public IdentityOptions maxValue(long value) {
        return new IdentityOptions(start, increment, minValue, value, cache, cycle);
    }

    public IdentityOptions cache(long value) {
        return new IdentityOptions(start, increment, minValue, maxValue, value, cycle);
    }

    public IdentityOptions withCycle() {
        return new IdentityOptions(start, increment, minValue, maxValue, cache, true);
    }

    /**
     * The options of a sequence as the catalog holds them, with every value that is the default for
     * a column of the given type left out.
     */
    public static IdentityOptions of(
            String type, long start, long increment, long min, long max, long cache, boolean cycle) {
        long typeMax = switch (Types.normalize(type)) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = -typeMax - 1;
        long defaultMin = increment > 0 ? 1 : typeMin;
        long defaultMax = increment > 0 ? typeMax : -1;
        long defaultStart = increment > 0 ? min : max;
        return new IdentityOptions(
                start == defaultStart ? null : start,
                increment == 1 ? null : increment,
                min == defaultMin ? null : min,
                max == defaultMax ? null : max,
                cache == 1 ? null : cache,
                cycle);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The options as in {@code GENERATED ... AS IDENTITY (...)}, or an empty string for the defaults. */
    public String sql() {
        List<String> parts = new ArrayList<>();
        if (start != null) parts.add("START WITH " + start);
        if (increment != null) parts.add("INCREMENT BY " + increment);
        if (minValue != null) parts.add("MINVALUE " + minValue);
        if (maxValue != null) parts.add("MAXVALUE " + maxValue);
        if (cache != null) parts.add("CACHE " + cache);
        if (cycle) parts.add("CYCLE");
        return String.join(" ", parts);
    }

    /**
     * The {@code SET} clauses of {@code ALTER COLUMN} that turn an identity with other options into
     * one with these: every option is set, defaults included, so the result does not depend on what
     * was there before.
     */
    public List<String> setClauses() {
        List<String> clauses = new ArrayList<>();
        clauses.add("SET START WITH " + effectiveStart());
        clauses.add("SET INCREMENT BY " + (increment == null ? 1 : increment));
        clauses.add(minValue == null ? "SET NO MINVALUE" : "SET MINVALUE " + minValue);
        clauses.add(maxValue == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + maxValue);
        clauses.add("SET CACHE " + (cache == null ? 1 : cache));
        clauses.add(cycle ? "SET CYCLE" : "SET NO CYCLE");
        // restarting keeps the current value within the new bounds; the caller moves it past the rows
        clauses.add("RESTART");
        return clauses;
    }

    public boolean descending() {
        return increment != null && increment < 0;
    }

    /** The first value: the start, or the default start for the bounds and direction. */
    public long effectiveStart() {
        if (start != null) return start;
        return descending() ? (maxValue == null ? -1 : maxValue) : (minValue == null ? 1 : minValue);
    }

    @Override
    public String toString() {
        return sql().toLowerCase(Locale.ROOT).replace("start with", "start").replace("increment by", "increment");
    }
}
