package dev.retort.entities;

import dev.retort.RetortException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The entity model could not be read: nothing found, a class that fails to load, a mapping error. */
public class EntityException extends RetortException {
    public EntityException(String message) {
        super(message);
    }

    public EntityException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The packages (on the entity class path) hold no {@code @Entity} class. */
    public static final class NoEntities extends EntityException {
        private final List<String> packages;
        private final List<Path> classpath;

        NoEntities(List<String> packages, List<Path> classpath) {
            super("no @Entity classes found in packages " + packages
                    + (classpath.isEmpty() ? "" : " on entities.classpath " + classpath));
            this.packages = List.copyOf(packages);
            this.classpath = List.copyOf(classpath);
        }

        public List<String> packages() {
            return packages;
        }

        /** The entity class path searched besides Retort's own; empty for none. */
        public List<Path> classpath() {
            return classpath;
        }
    }

    /** An entity class that cannot be loaded: the first one in name order. */
    public static final class Unloadable extends EntityException {
        private final String className;

        Unloadable(String className, Throwable cause) {
            super("entity class " + className + " cannot be loaded: " + cause, cause);
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    /** A class that an entity (or a class it names) needs is not on the entity class path. */
    public static final class MissingClass extends EntityException {
        private final String entity;
        private final String missing;

        MissingClass(String entity, String missing, Throwable cause) {
            super(
                    (entity == null ? "the entities need " : "entity " + entity + " needs ") + missing
                            + ", which is not on entities.classpath",
                    cause);
            this.entity = entity;
            this.missing = missing;
        }

        /** The mapped class that needs it; {@code null} when no class file names it. */
        public String entity() {
            return entity;
        }

        /** The class that is missing, by its binary name. */
        public String missing() {
            return missing;
        }

        /**
         * The class a failure says is missing, searched along its causes (Hibernate's own errors
         * often hide it under a reflection or converter error); empty when none says so.
         */
        static Optional<String> missingIn(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof NoClassDefFoundError && t.getMessage() != null)
                    return Optional.of(t.getMessage().replace('/', '.'));
                if (t instanceof ClassNotFoundException && t.getMessage() != null) return Optional.of(t.getMessage());
                if (t instanceof TypeNotPresentException e) return Optional.of(e.typeName());
            }
            return Optional.empty();
        }
    }

    /** {@code entities.naming} names nothing Retort can use. */
    public static final class BadNaming extends EntityException {
        private final String naming;

        BadNaming(String naming, String problem, Throwable cause) {
            super("entities.naming: " + problem, cause);
            this.naming = naming;
        }

        /** The setting's value. */
        public String naming() {
            return naming;
        }
    }

    /** An {@code entities.classpath} entry that is missing or no path. */
    public static final class BadClasspathEntry extends EntityException {
        private final Path entry;

        BadClasspathEntry(Path entry, String problem, Throwable cause) {
            super("entities.classpath entry " + entry + " " + problem, cause);
            this.entry = entry;
        }

        public Path entry() {
            return entry;
        }
    }
}
