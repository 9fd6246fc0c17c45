package dev.retort.codegen;

import java.util.Locale;

/**
 * The forms generated migrations take on tables that already exist ({@code safety} in {@code
 * retort.properties}): {@code simple}, one transaction of plain statements, or {@code online}, the
 * lock-safe forms of {@link dev.retort.diff.OnlineForms}.
 */
public enum Safety {
    SIMPLE,
    ONLINE;

    /** The setting's word, {@code simple} or {@code online}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the setting's word; anything but {@code simple} or {@code online} is an {@link IllegalArgumentException} quoting it. */
    public static Safety parse(String word) {
        for (Safety safety : values()) if (safety.word().equals(word.strip())) return safety;
        throw new IllegalArgumentException("expected online or simple, got \"" + word + "\"");
    }
}
