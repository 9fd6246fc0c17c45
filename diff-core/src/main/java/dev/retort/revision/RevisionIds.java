package dev.retort.revision;

import dev.retort.VisibleText;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a revision id may be: what the version column ({@code varchar(32)}) holds and what a target
 * can name, so no letters that target syntax uses ({@code @ : + - ,} and spaces) and none of its words.
 */
public final class RevisionIds {
    /** The width of the version table's and history's revision columns. */
    public static final int MAX_LENGTH = 32;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> RESERVED = Set.of(Targets.HEAD, Targets.HEADS, Targets.BASE);
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private RevisionIds() {}

    /** Why {@code id} cannot be a revision id, or null when it can. */
    public static String problem(String id) {
        if (id.isEmpty()) return "is empty";
        if (RESERVED.contains(id)) return "is reserved: head, heads and base are targets";
        if (id.length() > MAX_LENGTH)
            return "is " + id.length() + " characters long, at most " + MAX_LENGTH + " fit the version table";
        if (!ALLOWED.matcher(id).matches()) return "may only have letters, digits and underscores";
        return null;
    }

    /**
     * Why {@code label} cannot be a branch label, or null when it can: targets name labels
     * ({@code LABEL@head}, {@code LABEL@-1}), so none of the letters that target syntax uses.
     */
    public static String labelProblem(String label) {
        if (RESERVED.contains(label)) return "is reserved: head, heads and base are targets";
        if (!LABEL.matcher(label).matches()) return "must be a letter followed by letters, digits or underscores";
        return null;
    }

    /**
     * The id in double quotes with quotes, backslashes and every control or format character written
     * as a Java escape, so an id that is rejected for its characters cannot move the cursor or
     * recolour the terminal when the error shows it.
     */
    public static String quoted(String id) {
        StringBuilder text = new StringBuilder("\"");
        id.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                text.append('\\').appendCodePoint(cp);
            } else if (VisibleText.hidden(cp)) {
                for (char c : Character.toChars(cp)) text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                text.appendCodePoint(cp);
            }
        });
        return text.append('"').toString();
    }

    static void check(RevisionNode node) {
        String problem = problem(node.id());
        if (problem != null) throw new RevisionException.InvalidId(node.source(), node.id(), problem);
        for (String label : node.branchLabels()) {
            String labelProblem = labelProblem(label);
            if (labelProblem != null) throw new RevisionException.InvalidLabel(node.source(), label, labelProblem);
        }
    }
}
