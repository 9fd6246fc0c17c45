package dev.retort.schema;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which tables and sequences take part in a comparison: those matching an include pattern (all when
 * there is none) and no exclude pattern. Patterns are globs ({@code *} for any run of characters)
 * matched against {@code name} for the default schema and {@code schema.name} otherwise.
 */
public record TableFilter(List<String> include, List<String> exclude) {
    public static final TableFilter ALL = new TableFilter(List.of(), List.of());

    public TableFilter {
        include = List.copyOf(requireNonNull(include, "include"));
        exclude = List.copyOf(requireNonNull(exclude, "exclude"));
    }

    public boolean accepts(QualifiedName name) {
        String text = name.toString();
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> matches(p, text));
        return included && exclude.stream().noneMatch(p -> matches(p, text));
    }

    /** The schema with only the accepted tables and sequences. */
    public Schema apply(Schema schema) {
        if (include.isEmpty() && exclude.isEmpty()) return schema;
        return schema.with(
                schema.tables().stream().filter(t -> accepts(t.name())).toList(),
                schema.sequences().stream()
                        .filter(s -> accepts(s.name()) && (s.ownedBy() == null || accepts(s.ownerTable())))
                        .toList(),
                schema.enums());
    }

    private static boolean matches(String glob, String text) {
        String regex = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.matches(regex, text);
    }
}
