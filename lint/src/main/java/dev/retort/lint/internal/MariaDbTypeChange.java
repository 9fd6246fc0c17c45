package dev.retort.lint.internal;

import dev.retort.mariadb.InnoDbInstant;
import dev.retort.schema.Types;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether MariaDB 10.11 copies a table to change a column's type: it does for every change but a wider {@code
 * varchar} that InnoDB extends instantly, which is one whose longest value in bytes does not go from 128-255 bytes to
 * more than 255 (the length then needs a second byte). Lint does not know the table's character set, so a widening
 * must keep its length bytes at every width from 1 to 4 bytes a character. MySQL decides by the largest size alone: a
 * wider {@code varchar} changes in place while its longest value stays on the same side of 255 bytes.
 */
public final class MariaDbTypeChange {
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

    private MariaDbTypeChange() {}

    /** Why MariaDB copies the table for the change, or null when it does not. */
    public static String copies(String from, String to) {
        return copies(from, to, false);
    }

    /** Why the server (MySQL's rule with {@code mySql}) copies the table for the change, or null when it does not. */
    public static String copies(String from, String to, boolean mySql) {
        if (Types.classify(from, to) == Types.Change.NONE) return null;
        Matcher a = VARCHAR.matcher(Types.normalize(from));
        Matcher b = VARCHAR.matcher(Types.normalize(to));
        if (!a.matches() || !b.matches())
            return (mySql ? "MySQL" : "MariaDB") + " changes a type in place only for a wider varchar";
        long before = Long.parseLong(a.group(1));
        long after = Long.parseLong(b.group(1));
        if (after < before) return "a narrower varchar is checked row by row";
        for (int width = 4; width >= 1; width--) {
            boolean keeps = mySql
                    ? InnoDbInstant.mySqlKeepsLengthBytes(before, after, width)
                    : InnoDbInstant.keepsLengthBytes(before, after, width);
            if (!keeps)
                return "in a character set of " + width + " byte" + (width == 1 ? "" : "s") + " a character its"
                        + " longest value goes from " + before * width + " to over 255 bytes, which needs a second"
                        + " length byte (lint does not know the table's character set)";
        }
        return null;
    }
}
