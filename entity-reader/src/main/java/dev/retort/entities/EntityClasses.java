package dev.retort.entities;

import java.lang.annotation.AnnotationFormatError;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Loads the entity classes on two threads, then reads ahead of Hibernate on one: the JDK keeps a
 * class's reflection data and each field's and method's annotations once made, in objects that the
 * copies Hibernate later asks for share, so what a helper thread links and parses here, Hibernate's
 * boot, the longest part of {@code check}, finds ready.
 *
 * <p>This is speed only: the classes and everything Hibernate reads of them are the same with or
 * without it. A failure while reading ahead is left for Hibernate to meet and report.
 */
final class EntityClasses implements AutoCloseable {
    private final List<Class<?>> classes;
    private final Thread readAhead;

    private EntityClasses(List<Class<?>> classes) {
        this.classes = classes;
        this.readAhead = start("retort-entity-read-ahead", () -> readAhead(classes));
    }

    /** The loaded classes that are mapped, in the order their names were given. */
    List<Class<?>> classes() {
        return classes;
    }

    /**
     * Loads the named classes (without initialising them) and keeps those {@code mapped} accepts,
     * in the order given, then starts reading ahead of Hibernate in that order. A class that cannot
     * be loaded, or whose fields' or methods' types cannot, fails the whole load with the first such
     * name in the given order (as {@link EntityException.MissingClass} when a class is missing, as
     * {@link EntityException.NewerJava} when one is compiled for a newer Java).
     */
    static EntityClasses load(List<String> names, ClassLoader loader, Predicate<Class<?>> mapped) {
        Object[] results = new Object[names.size()];
        // both threads take the next name until none is left, so neither waits for the other's half
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                results[i] = loadOne(names.get(i), loader, mapped);
            }
        };
        Thread helper = start("retort-entity-loader", work);
        work.run();
        join(helper);
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof VirtualMachineError e) throw e;
            if (results[i] instanceof Throwable e) {
                String name = names.get(i);
                Optional<EntityException.NewerJava> newer = NewerClassFiles.in(name, e, loader);
                if (newer.isPresent()) throw newer.get();
                throw Causes.missingClass(e)
                        .<EntityException>map(missing -> new EntityException.MissingClass(name, missing, e))
                        .orElseGet(() -> new EntityException.Unloadable(name, e));
            }
            if (results[i] instanceof Class<?> type) classes.add(type);
        }
        return new EntityClasses(List.copyOf(classes));
    }

    /**
     * The class, {@code null} when {@code mapped} does not accept it, or what loading it or reading
     * its annotations threw, to be reported in order on the calling thread.
     */
    private static Object loadOne(String name, ClassLoader loader, Predicate<Class<?>> mapped) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            // the members' types are resolved here, so a missing one is reported with the class that needs it
            type.getDeclaredFields();
            type.getDeclaredMethods();
            return mapped.test(type) ? type : null;
        } catch (Throwable e) {
            return e;
        }
    }

    private static void readAhead(List<Class<?>> classes) {
        for (Class<?> type : classes) {
            if (Thread.currentThread().isInterrupted()) return;
            try {
                for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
                    // parsed once, the JDK keeps the annotations for every copy of the class or member
                    k.getDeclaredAnnotations();
                    for (Field field : k.getDeclaredFields()) field.getDeclaredAnnotations();
                    for (Method method : k.getDeclaredMethods()) method.getDeclaredAnnotations();
                }
            } catch (RuntimeException | LinkageError | AnnotationFormatError ignored) {
                // Hibernate reads the same and reports what is wrong
            }
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntityException("interrupted while loading the entity classes", e);
        }
    }

    /** Stops reading ahead and waits for it, so that nothing touches the classes once their loader is closed. */
    @Override
    public void close() {
        readAhead.interrupt();
        try {
            readAhead.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
