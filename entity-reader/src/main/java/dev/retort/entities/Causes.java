package dev.retort.entities;

import java.util.Optional;

/** What a failure's cause chain says: its reason in one line, the class it misses. */
final class Causes {
    private Causes() {}

    /** What went wrong, for a one-line message: the exception's message and, when it has one, its root cause's. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root == e) return message;
        String rootMessage = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.contains(rootMessage) ? message : message + ": " + rootMessage;
    }

    /**
     * The class a failure says is missing, searched along its causes (Hibernate's own errors
     * often hide it under a reflection or converter error); empty when none says so.
     */
    static Optional<String> missingClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoClassDefFoundError && t.getMessage() != null)
                return Optional.of(t.getMessage().replace('/', '.'));
            if (t instanceof ClassNotFoundException && t.getMessage() != null) return Optional.of(t.getMessage());
            if (t instanceof TypeNotPresentException e) return Optional.of(e.typeName());
        }
        return Optional.empty();
    }
}
