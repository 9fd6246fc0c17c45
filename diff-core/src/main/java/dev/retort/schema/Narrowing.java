package dev.retort.schema;

import java.util.Set;

/**
 * The type changes whose conversion PostgreSQL would make silently, cutting or rounding a value
 * (even through its assignment cast), and which a migration therefore checks row by row before it
 * converts anything: string and bit lengths reduced, numeric scale reduced, fractional numbers to
 * integers, text to a number or time of limited precision, to {@code real} or {@code double precision} with fewer digits, time precision reduced,
 * timestamps to dates.
 */
public final class Narrowing {
    private static final Set<String> STRINGS = Set.of("text", "varchar", "char");
    private static final Set<String> BITS = Set.of("bit", "varbit");
    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> FRACTIONAL = Set.of("numeric", "real", "double precision");
    private static final Set<String> TIMES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

    private Narrowing() {}

    /** Whether converting {@code from} to {@code to} may change a value without an error. */
    public static boolean rounds(String from, String to) {
        if (from.endsWith("[]") || to.endsWith("[]")) return false;
        if (!Types.isBuiltIn(from) || !Types.isBuiltIn(to)) return false;
        String a = Types.normalize(from);
        String b = Types.normalize(to);
        if (a.equals(b)) return false;
        Types.Change change = Types.classify(a, b);
        if (change == Types.Change.WIDENING_IN_PLACE || change == Types.Change.WIDENING_REWRITE) return false;
        String baseA = Types.baseName(a);
        String baseB = Types.baseName(b);
        boolean bounded = b.contains("(");
        if (STRINGS.contains(baseA) && STRINGS.contains(baseB)) return bounded;
        // text read as a number or time of limited precision is rounded to it
        if (STRINGS.contains(baseA)) return bounded && (baseB.equals("numeric") || TIMES.contains(baseB));
        if (BITS.contains(baseA) && BITS.contains(baseB)) return bounded;
        if (baseB.equals("numeric")) return bounded && FRACTIONAL.contains(baseA);
        if (INTEGERS.contains(baseB)) return FRACTIONAL.contains(baseA);
        if (baseB.equals("real"))
            return !baseA.equals("smallint") && (FRACTIONAL.contains(baseA) || INTEGERS.contains(baseA));
        if (baseB.equals("double precision")) return baseA.equals("numeric") || baseA.equals("bigint");
        if (TIMES.contains(baseA) && baseA.equals(baseB)) return true;
        return baseB.equals("date") && (baseA.equals("timestamp") || baseA.equals("timestamptz"));
    }

    /** Whether the conversion reads or writes local times, so that its result depends on the session's time zone. */
    public static boolean readsTimeZone(String from, String to) {
        String baseA = Types.baseName(from);
        String baseB = Types.baseName(to);
        if (baseA.equals(baseB)) return false;
        boolean zonedA = baseA.equals("timestamptz") || baseA.equals("timetz");
        boolean zonedB = baseB.equals("timestamptz") || baseB.equals("timetz");
        Set<String> local = Set.of("timestamp", "time", "date");
        return (zonedA && (local.contains(baseB) || zonedB)) || (zonedB && local.contains(baseA));
    }
}
