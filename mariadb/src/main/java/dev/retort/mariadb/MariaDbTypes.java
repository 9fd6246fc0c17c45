package dev.retort.mariadb;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's column types ({@code information_schema.COLUMNS.COLUMN_TYPE}) in the one spelling the
 * schema model compares: integer display widths dropped ({@code int(11)} is {@code integer}) but for
 * {@code zerofill}, {@code tinyint(1)} as {@code boolean} (what MariaDB stores for {@code BOOLEAN}),
 * {@code unsigned} kept in the type, {@code float} as {@code real} and {@code double} as {@code double
 * precision} (the model's names for four- and eight-byte floats), {@code decimal} as {@code numeric(p,s)},
 * time types with their fractional precision spelled out ({@code timestamp(0)}), {@code enum} and
 * {@code set} with their labels exactly as stored.
 */
public final class MariaDbTypes {
    /** name, optional (length) or (precision,scale), then any of unsigned / signed / zerofill. */
    private static final Pattern SHAPE =
            Pattern.compile("([a-z]+(?: precision)?)(?:\\((\\d+)(?:,(\\d+))?\\))?((?: (?:unsigned|signed|zerofill))*)");

    private MariaDbTypes() {}

    /** A column type as MariaDB writes it ({@code COLUMN_TYPE}, or a DDL spelling) in the model's spelling. */
    public static String normalize(String columnType) {
        String type = columnType.strip();
        int open = type.indexOf('(');
        if (type.indexOf('\'') >= 0 && open > 0) {
            // enum('Sad','happy') and set(...): the labels are case- and blank-sensitive
            return type.substring(0, open).strip().toLowerCase(Locale.ROOT) + type.substring(open);
        }
        String lower = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace(", ", ",");
        Matcher m = SHAPE.matcher(lower);
        if (!m.matches()) return lower;
        String base = m.group(1);
        String first = m.group(2);
        String second = m.group(3);
        boolean zerofill = m.group(4).contains("zerofill");
        boolean unsigned = zerofill || m.group(4).contains("unsigned");
        String flags = (unsigned ? " unsigned" : "") + (zerofill ? " zerofill" : "");
        switch (base) {
            case "bool", "boolean":
                return "boolean";
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
                if (base.equals("tinyint") && "1".equals(first) && !unsigned) return "boolean";
                String name = base.equals("int") || base.equals("integer") ? (unsigned ? "int" : "integer") : base;
                return name + (zerofill && first != null ? "(" + first + ")" : "") + flags;
            case "float":
                if (second != null) return "float(" + first + "," + second + ")" + flags;
                return (first == null || Integer.parseInt(first) <= 24 ? "real" : "double precision") + flags;
            case "double", "double precision", "real":
                return (second != null ? "double(" + first + "," + second + ")" : "double precision") + flags;
            case "decimal", "numeric", "dec", "fixed":
                return "numeric(" + (first == null ? "10" : first) + "," + (second == null ? "0" : second) + ")"
                        + flags;
            case "datetime", "timestamp", "time":
                return base + "(" + (first == null ? "0" : first) + ")";
            case "year":
                return "year";
            case "char", "binary", "bit":
                return base + "(" + (first == null ? "1" : first) + ")";
            default:
                return lower;
        }
    }
}
