package dev.retort.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The class loader of an entity read with the application's own Hibernate: this reader's own
 * classes (and the Jandex it reads class files with) defined anew from Retort's copies, so that
 * they link against the application's Hibernate; Retort's schema model and this module's API types
 * ({@link EntitySource}, {@link EntityException}, ...) shared with the caller, so the {@code Schema}
 * it returns and the errors it throws are the caller's types; everything else (Hibernate, Jakarta
 * Persistence, the entities, a validator) only from the application's loader, never from Retort's.
 */
final class ReaderLoader extends ClassLoader {
    private static final String ENTITIES = "dev.retort.entities.";
    private static final String RETORT = "dev.retort.";
    private static final String JANDEX = "org.jboss.jandex.";

    /** The API types: they touch no Hibernate, and caller and reader must agree on them. */
    private static final Set<String> SHARED = Set.of(
            ENTITIES + "EntitySource",
            ENTITIES + "Naming",
            ENTITIES + "HibernateSettings",
            ENTITIES + "HibernateLine",
            ENTITIES + "EntityException");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader retort = ReaderLoader.class.getClassLoader();
    private final ClassLoader application;

    /** @param application the application's class path over the JDK's own classes, and nothing of Retort's */
    ReaderLoader(ClassLoader application) {
        super("retort-entity-reader", application);
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (isShared(name)) type = retort.loadClass(name);
                else if (name.startsWith(ENTITIES) || name.startsWith(JANDEX)) type = define(name);
                else type = application.loadClass(name);
            }
            if (resolve) resolveClass(type);
            return type;
        }
    }

    static boolean isShared(String name) {
        if (!name.startsWith(RETORT)) return false;
        if (!name.startsWith(ENTITIES)) return true;
        int nested = name.indexOf('$');
        return SHARED.contains(nested < 0 ? name : name.substring(0, nested));
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = retort.getResourceAsStream(file)) {
            if (in == null) throw new ClassNotFoundException(name);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Retort's " + file, e);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
