package dev.retort.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises PostgreSQL type spellings to one canonical form, so that Hibernate's DDL types and the
 * catalog's {@code format_type} output compare equal when PostgreSQL would store the same type.
 *
 * <p>Canonical forms are valid PostgreSQL: {@code varchar(255)}, {@code char(1)}, {@code integer},
 * {@code bigint}, {@code smallint}, {@code double precision}, {@code real}, {@code boolean},
 * {@code numeric(10,2)}, {@code timestamp(6)}, {@code timestamptz(6)}, {@code time(6)},
 * {@code timetz(6)}, arrays as {@code integer[]}. Unknown and quoted names, and types holding quoted labels
 * (MariaDB's {@code enum('Sad','happy')}), are kept as written.
 */
public final class Types {
    private static final int DEFAULT_TIME_PRECISION = 6;

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("smallint", "smallint"),
            Map.entry("float8", "double precision"),
            Map.entry("double precision", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("real", "real"),
            Map.entry("bool", "boolean"),
            Map.entry("boolean", "boolean"),
            Map.entry("character varying", "varchar"),
            Map.entry("varchar", "varchar"),
            Map.entry("character", "char"),
            Map.entry("char", "char"),
            Map.entry("bpchar", "char"),
            Map.entry("decimal", "numeric"),
            Map.entry("numeric", "numeric"),
            Map.entry("bit varying", "varbit"),
            Map.entry("varbit", "varbit"));

    /** name, optional (modifiers), optional "with/without time zone" tail. */
    private static final Pattern SHAPE = Pattern.compile(
            "([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*([0-9 ,]+?)\\s*\\))?\\s*(with time zone|without time zone)?");

    /** An array suffix as SQL writes it: {@code []}, {@code [10]}, {@code array}, {@code array[10]}, repeated. */
    private static final Pattern ARRAY =
            Pattern.compile("(?:\\s*\\[\\s*[0-9]*\\s*]|\\s+(?i:array)(?:\\s*\\[\\s*[0-9]*\\s*])?)+$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Normalised spellings by spelling. */
    private static final BoundedMemo<String, String> NORMALIZED = new BoundedMemo<>(Types::normalizeUncached, 4096);
    // every Column and each of its withers asks: remembered like the normalised form (empty for "as normalised")
    private static final BoundedMemo<String, Optional<String>> STORED =
            new BoundedMemo<>(type -> Optional.ofNullable(storedSpellingUncached(type)), 4096);

    private Types() {}

    public static String normalize(String type) {
        return NORMALIZED.apply(type);
    }

    private static String normalizeUncached(String type) {
        // MariaDB's enum('Sad','happy') and set(...): labels are case- and blank-sensitive text, kept exactly
        if (type.indexOf('\'') >= 0) return type.strip();
        String trimmed = WHITESPACE.matcher(type.trim()).replaceAll(" ");
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty type");
        Matcher array = ARRAY.matcher(trimmed);
        if (array.find() && array.start() > 0) {
            // PostgreSQL keeps neither the declared size nor the number of dimensions: varchar(40) array[10] is
            // varchar(40)[]
            return normalize(trimmed.substring(0, array.start())) + "[]";
        }
        if (trimmed.contains("\"")) return trimmed;
        String lower = trimmed.toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(lower);
        if (!m.matches()) return lower;
        String base = m.group(1).trim();
        String modifiers = m.group(2) == null ? null : m.group(2).replace(" ", "");
        String zone = m.group(3);
        switch (base) {
            case "timestamp", "timestamptz" -> {
                boolean withZone = base.equals("timestamptz") || "with time zone".equals(zone);
                return (withZone ? "timestamptz" : "timestamp") + precision(modifiers);
            }
            case "time", "timetz" -> {
                boolean withZone = base.equals("timetz") || "with time zone".equals(zone);
                return (withZone ? "timetz" : "time") + precision(modifiers);
            }
            default -> {
                if (zone != null) return lower;
                return withModifiers(ALIASES.getOrDefault(base, base), modifiers);
            }
        }
    }

    /**
     * The spelling to keep beside the normalised type where normalising would change what
     * PostgreSQL stores: a time type written without a precision, which PostgreSQL stores without
     * one ({@code timestamp}, {@code timestamptz}, {@code time}, {@code timetz}, also as
     * {@code ... without time zone} and in arrays) where the normalised form says {@code (6)}, and
     * {@code bpchar} without a length (unbounded, where {@code char} means {@code char(1)}); null for
     * every other type, whose normalised form PostgreSQL stores as written.
     */
    public static String storedSpelling(String type) {
        return STORED.apply(type).orElse(null);
    }

    private static String storedSpellingUncached(String type) {
        String trimmed = WHITESPACE.matcher(type.trim()).replaceAll(" ");
        if (trimmed.endsWith("[]")) {
            String element = storedSpellingUncached(trimmed.substring(0, trimmed.length() - 2));
            return element == null ? null : element + "[]";
        }
        if (trimmed.contains("\"")) return null;
        Matcher m = SHAPE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(2) != null) return null;
        String base = m.group(1).trim();
        boolean zoned = "with time zone".equals(m.group(3));
        return switch (base) {
            case "timestamp" -> zoned ? "timestamptz" : "timestamp";
            case "time" -> zoned ? "timetz" : "time";
            case "timestamptz", "timetz" -> base;
            case "bpchar" -> m.group(3) == null ? base : null;
            default -> null;
        };
    }

    private static String precision(String modifiers) {
        return "(" + (modifiers == null ? DEFAULT_TIME_PRECISION : Integer.parseInt(modifiers)) + ")";
    }

    private static String withModifiers(String base, String modifiers) {
        if (base.equals("double precision") && modifiers != null && modifiers.contains(",")) {
            // MariaDB's deprecated float(m,d): a precision and a scale, no PostgreSQL type
            return "float(" + modifiers + ")";
        }
        if (base.equals("double precision") && modifiers != null) {
            // float(p): 1..24 is real, 25..53 is double precision
            return Integer.parseInt(modifiers) <= 24 ? "real" : "double precision";
        }
        if (base.equals("char") && modifiers == null) return "char(1)";
        if (base.equals("numeric") && modifiers != null && !modifiers.contains(",")) {
            return "numeric(" + modifiers + ",0)";
        }
        return modifiers == null ? base : base + "(" + modifiers + ")";
    }

    private static final Set<String> BUILT_IN = Set.of(
            "smallint",
            "integer",
            "bigint",
            "numeric",
            "real",
            "double precision",
            "text",
            "varchar",
            "char",
            "boolean",
            "date",
            "time",
            "timetz",
            "timestamp",
            "timestamptz",
            "interval",
            "uuid",
            "json",
            "jsonb",
            "bytea",
            "oid",
            "inet",
            "cidr",
            "macaddr",
            "money",
            "xml",
            "bit",
            "varbit",
            "tsvector",
            "tsquery",
            "point",
            "line",
            "box",
            "circle",
            "polygon",
            "path",
            "lseg");

    /** Whether a type is one of PostgreSQL's own, rather than an enum, domain or other user-defined type. */
    public static boolean isBuiltIn(String type) {
        String base = baseName(type);
        return BUILT_IN.contains(base.endsWith("[]") ? base.substring(0, base.length() - 2) : base);
    }

    /** The type without modifiers or array suffix: {@code varchar(20)} gives {@code varchar}. */
    public static String baseName(String type) {
        String normalised = normalize(type);
        int paren = normalised.indexOf('(');
        return paren < 0 ? normalised : normalised.substring(0, paren);
    }

    /** How a change from one type to another treats the stored data. */
    public enum Change {
        /** Same type. */
        NONE,
        /** Every value fits and PostgreSQL only updates the catalog. */
        WIDENING_IN_PLACE,
        /** Every value fits but PostgreSQL rewrites the table. */
        WIDENING_REWRITE,
        /** Values may be cut, rounded or fail to convert; PostgreSQL rewrites the table. */
        LOSSY
    }

    /** Classifies a type change; anything not known to be safe is {@link Change#LOSSY}. */
    public static Change classify(String from, String to) {
        String a = normalize(from);
        String b = normalize(to);
        if (a.equals(b)) return Change.NONE;
        String baseA = baseName(a);
        String baseB = baseName(b);
        if (baseA.equals("varchar") && (baseB.equals("text") || b.equals("varchar"))) return Change.WIDENING_IN_PLACE;
        if (baseA.equals("varchar") && baseB.equals("varchar") && !a.equals("varchar")) {
            return length(b, 0) >= length(a, 0) ? Change.WIDENING_IN_PLACE : Change.LOSSY;
        }
        if (baseA.equals("char") && (baseB.equals("text") || baseB.equals("varchar"))) {
            // trailing blanks of char(n) are dropped on conversion; only an unbounded or wide enough target keeps the
            // rest
            return b.equals("varchar") || baseB.equals("text") || length(b, 0) >= length(a, 0)
                    ? Change.WIDENING_REWRITE
                    : Change.LOSSY;
        }
        if (baseA.equals("numeric") && baseB.equals("numeric") && !a.equals("numeric") && !b.equals("numeric")) {
            int precisionA = length(a, 0), scaleA = length(a, 1), precisionB = length(b, 0), scaleB = length(b, 1);
            boolean fits = scaleB >= scaleA && precisionB - scaleB >= precisionA - scaleA;
            if (!fits) return Change.LOSSY;
            return scaleA == scaleB ? Change.WIDENING_IN_PLACE : Change.WIDENING_REWRITE;
        }
        if (baseA.equals("numeric") && b.equals("numeric")) return Change.WIDENING_IN_PLACE;
        if (isInteger(baseA) && isInteger(baseB)) {
            return rank(baseB) >= rank(baseA) ? Change.WIDENING_REWRITE : Change.LOSSY;
        }
        if (isInteger(baseA) && baseB.equals("numeric") && (b.equals("numeric") || length(b, 0) - length(b, 1) >= 19)) {
            return Change.WIDENING_REWRITE;
        }
        if (a.equals("real") && b.equals("double precision")) return Change.WIDENING_REWRITE;
        if (baseA.equals(baseB) && (baseA.equals("timestamp") || baseA.equals("timestamptz") || baseA.equals("time"))) {
            return length(b, 0) >= length(a, 0) ? Change.WIDENING_IN_PLACE : Change.LOSSY;
        }
        return Change.LOSSY;
    }

    private static boolean isInteger(String base) {
        return base.equals("smallint") || base.equals("integer") || base.equals("bigint");
    }

    private static int rank(String integerBase) {
        return switch (integerBase) {
            case "smallint" -> 1;
            case "integer" -> 2;
            default -> 3;
        };
    }

    /** The i-th type modifier, e.g. 255 of {@code varchar(255)}: unbounded for a missing length, 0 for a missing scale. */
    private static int length(String type, int index) {
        int open = type.indexOf('(');
        if (open < 0) return index == 0 ? Integer.MAX_VALUE : 0;
        String[] parts = type.substring(open + 1, type.indexOf(')')).split(",");
        return index < parts.length ? Integer.parseInt(parts[index].trim()) : 0;
    }
}
