package dev.retort.entities;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

/**
 * Hibernate's class loading (the entities' loader first, then Hibernate's own), remembering the
 * names it could not load. Hibernate looks up each entity's {@code package-info} once for every
 * package-level annotation it supports; without the memory each miss searches every loader
 * again and builds two exceptions, for every entity.
 */
final class RememberingClassLoaderService extends ClassLoaderServiceImpl {
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    RememberingClassLoaderService(ClassLoader loader) {
        super(List.of(loader), TcclLookupPrecedence.AFTER);
    }

    @Override
    public <T> Class<T> classForName(String className) {
        if (missing.contains(className)) throw new NotFound(className);
        try {
            return super.classForName(className);
        } catch (ClassLoadingException e) {
            missing.add(className);
            throw e;
        }
    }

    /** A repeated miss: the first one carried the cause and the stack. */
    private static final class NotFound extends ClassLoadingException {
        NotFound(String className) {
            super("Unable to load class [" + className + "]");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
