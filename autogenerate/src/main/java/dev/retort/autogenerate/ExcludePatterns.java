package dev.retort.autogenerate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The {@code compare.exclude} filter: entries {@code KIND:GLOB}, each leaving alone the objects of
 * that kind whose name (as {@link ObjectFilter} gives it) the glob matches, on both sides. A kind is
 * an {@link ObjectKind#word()} or {@code constraint} (a primary key, unique constraint, foreign key or
 * check); in a glob {@code *} is any run of characters, {@code ?} one character, {@code [abc]},
 * {@code [a-z]} and {@code [!abc]} one of a set or not, and everything else itself.
 */
public final class ExcludePatterns implements ObjectFilter {
    /** The kind word that stands for every kind of constraint. */
    public static final String CONSTRAINT = "constraint";

    private record Entry(String kind, Pattern glob) {
        boolean matches(ObjectKind objectKind, String name) {
            boolean kindMatches = kind.equals(CONSTRAINT) ? objectKind.isConstraint() : kind.equals(objectKind.word());
            return kindMatches && glob.matcher(name).matches();
        }
    }

    private final List<Entry> entries;
    private final List<String> text;

    private ExcludePatterns(List<Entry> entries, List<String> text) {
        this.entries = entries;
        this.text = text;
    }

    /**
     * The filter for these entries; an entry without a kind, with an unknown kind or with a bad glob
     * is refused with an {@link IllegalArgumentException} naming it.
     */
    public static ExcludePatterns parse(List<String> entries) {
        List<Entry> parsed = new ArrayList<>();
        for (String entry : requireNonNull(entries, "entries")) parsed.add(entry(entry.trim()));
        return new ExcludePatterns(List.copyOf(parsed), List.copyOf(entries));
    }

    /** The entries as given. */
    public List<String> entries() {
        return text;
    }

    @Override
    public boolean include(ObjectKind kind, String name, Side side, Object object) {
        return entries.stream().noneMatch(e -> e.matches(kind, name));
    }

    @Override
    public Set<ObjectKind> kinds() {
        Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
        for (ObjectKind kind : ObjectKind.values()) {
            if (entries.stream()
                    .anyMatch(e -> e.kind().equals(CONSTRAINT)
                            ? kind.isConstraint()
                            : e.kind().equals(kind.word()))) kinds.add(kind);
        }
        return kinds;
    }

    /** The kind words an entry may start with. */
    public static List<String> kindWords() {
        List<String> words = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) words.add(kind.word());
        words.add(CONSTRAINT);
        return List.copyOf(words);
    }

    private static Entry entry(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) throw bad(entry, "expected KIND:GLOB, with KIND one of " + String.join(", ", kindWords()));
        String kind = entry.substring(0, colon).trim();
        if (!kindWords().contains(kind))
            throw bad(entry, "unknown kind '" + kind + "': expected one of " + String.join(", ", kindWords()));
        String glob = entry.substring(colon + 1).trim();
        if (glob.isEmpty()) throw bad(entry, "no glob after '" + kind + ":'");
        try {
            return new Entry(kind, Pattern.compile(regex(entry, glob), Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw bad(entry, "not a valid glob: " + e.getDescription());
        }
    }

    private static String regex(String entry, String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) throw bad(entry, "'[' at position " + (i + 1) + " of the glob is never closed by ']'");
                regex.append(characterClass(glob.substring(i + 1, end)));
                i = end;
            } else regex.append(Pattern.quote(String.valueOf(c)));
            i++;
        }
        return regex.toString();
    }

    /** {@code a-z0} as {@code [a-z0]} with every character but a range's dash taken literally; {@code !} first negates. */
    private static String characterClass(String set) {
        boolean negated = set.startsWith("!") && set.length() > 1;
        String body = negated ? set.substring(1) : set;
        String literal = Arrays.stream(body.split("-", -1))
                .map(part -> part.codePoints()
                        .mapToObj(ch -> "\\x{" + Integer.toHexString(ch) + "}")
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("-"));
        return "[" + (negated ? "^" : "") + literal + "]";
    }

    private static IllegalArgumentException bad(String entry, String problem) {
        return new IllegalArgumentException("'" + entry + "': " + problem);
    }

    @Override
    public String toString() {
        return String.join(", ", text);
    }
}
