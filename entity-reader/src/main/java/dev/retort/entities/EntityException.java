package dev.retort.entities;

import dev.retort.RetortException;
import java.nio.file.Path;
import java.util.List;

/**
 * The entity model could not be read: nothing found, a class that fails to load, a mapping error.
 * Its kinds' constructors are public because the reader that makes them may be a copy of this
 * module's classes loaded beside the application's own Hibernate ({@link HibernateLine}).
 */
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

        public NoEntities(List<String> packages, List<Path> classpath) {
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

        public Unloadable(String className, Throwable cause) {
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

        public MissingClass(String entity, String missing, Throwable cause) {
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
    }

    /** An entity, or a class it needs, is compiled for a newer Java than the one Retort runs on. */
    public static final class NewerJava extends EntityException {
        private final String entity;
        private final String className;
        private final int classFileVersion;

        public NewerJava(String entity, String className, int classFileVersion, Throwable cause) {
            super(
                    "entity " + entity + (className.equals(entity) ? "" : " needs " + className + ", which")
                            + " is compiled for Java " + javaOf(classFileVersion) + " (class file "
                            + classFileVersion + "); Retort runs on Java "
                            + Runtime.version().feature()
                            + ": run it with Java " + javaOf(classFileVersion) + " or newer",
                    cause);
            this.entity = entity;
            this.className = className;
            this.classFileVersion = classFileVersion;
        }

        /** The Java release whose compiler writes this class file version (65 for Java 21). */
        static int javaOf(int classFileVersion) {
            return classFileVersion - 44;
        }

        /** The mapped class being loaded. */
        public String entity() {
            return entity;
        }

        /** The class compiled for the newer Java: the entity itself or one it needs. */
        public String className() {
            return className;
        }

        /** Its class file's major version. */
        public int classFileVersion() {
            return classFileVersion;
        }
    }

    /** {@code entities.naming} (or its {@code .physical}/{@code .implicit} half) names nothing Retort can use. */
    public static final class BadNaming extends EntityException {
        private final String key;
        private final String naming;

        public BadNaming(String key, String naming, String problem, Throwable cause) {
            super(key + ": " + problem, cause);
            this.key = key;
            this.naming = naming;
        }

        /** The setting: {@code entities.naming}, {@code entities.naming.physical} or {@code entities.naming.implicit}. */
        public String key() {
            return key;
        }

        /** The setting's value. */
        public String naming() {
            return naming;
        }
    }

    /**
     * A Hibernate setting Retort cannot pass to Hibernate: not a {@code hibernate.*} or
     * {@code jakarta.persistence.*} key, one that would make Hibernate connect or export a schema,
     * or a value Hibernate refuses; or a settings file or persistence unit that cannot be read.
     */
    public static final class BadSetting extends EntityException {
        private final String where;

        public BadSetting(String where, String problem, Throwable cause) {
            super(where + ": " + problem, cause);
            this.where = where;
        }

        /** Where the setting was given: {@code entities.properties.KEY}, a file and key, or a unit. */
        public String where() {
            return where;
        }
    }

    /** An {@code entities.classpath} entry that is missing or no path. */
    public static final class BadClasspathEntry extends EntityException {
        private final Path entry;

        public BadClasspathEntry(Path entry, String problem, Throwable cause) {
            super("entities.classpath entry " + entry + " " + problem, cause);
            this.entry = entry;
        }

        public Path entry() {
            return entry;
        }
    }

    /** The entity class path holds a hibernate-core of a line Retort cannot read entities with (5.x, or one it cannot date). */
    public static final class UnsupportedHibernate extends EntityException {
        private final HibernateLine line;

        public UnsupportedHibernate(HibernateLine line) {
            super("entities.classpath holds Hibernate ORM "
                    + (line.version() == null ? "of unknown version (its manifest does not say)" : line.version())
                    + " (" + line.location() + "): Retort reads entities with an application's Hibernate ORM 6.6 or"
                    + " later or 7.x, or with its bundled "
                    + HibernateLine.bundled().version()
                    + " when entities.classpath holds no hibernate-core");
            this.line = line;
        }

        /** The application's Hibernate, as found. */
        public HibernateLine line() {
            return line;
        }
    }
}
