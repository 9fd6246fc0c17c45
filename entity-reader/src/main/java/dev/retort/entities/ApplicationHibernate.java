package dev.retort.entities;

import dev.retort.Dialect;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;

/**
 * An entity read with the application's own Hibernate ORM: the entity class path in a loader of its
 * own over the JDK's classes (nothing of Retort's), and this reader loaded anew beside it
 * ({@link ReaderLoader}), so Hibernate, Jakarta Persistence and the validator are all the
 * application's, as its schema export sees them.
 */
final class ApplicationHibernate {
    /** jboss-logging's choice of backend, which would otherwise be the application's own (Logback prints at DEBUG). */
    static final String LOGGING_PROVIDER = "org.jboss.logging.provider";

    private ApplicationHibernate() {}

    /** The dialect crosses as a value of diff-core's, which both loaders share. */
    static Schema read(HibernateLine line, EntitySource source, String defaultSchema, Dialect dialect, URL[] urls) {
        return (Schema) call(
                line,
                urls,
                EntityReader.class,
                "readWith",
                new Class<?>[] {EntitySource.class, String.class, Dialect.class, ClassLoader.class},
                source,
                defaultSchema,
                dialect);
    }

    /**
     * The class names of the physical and implicit naming strategies the application's Hibernate
     * boots with for this source: its own names for them (6.x calls the snake-case physical naming
     * {@code CamelCaseToUnderscoresNamingStrategy}), as the read uses them.
     */
    @SuppressWarnings("unchecked")
    static List<String> namingStrategies(HibernateLine line, EntitySource source, URL[] urls) {
        return List.copyOf((List<String>) call(
                line,
                urls,
                HibernateBoot.class,
                "namingStrategiesWith",
                new Class<?>[] {EntitySource.class, ClassLoader.class},
                source));
    }

    /**
     * Calls a static method of this reader, loaded anew beside the application's Hibernate; the
     * application's loader comes last among the arguments.
     */
    private static Object call(
            HibernateLine line, URL[] urls, Class<?> type, String method, Class<?>[] parameters, Object... arguments) {
        if (!line.supported()) throw new EntityException.UnsupportedHibernate(line);
        // the JDK's logging, as beside the bundled Hibernate, which the command line keeps quiet
        if (System.getProperty(LOGGING_PROVIDER) == null) System.setProperty(LOGGING_PROVIDER, "jdk");
        try (URLClassLoader application =
                new URLClassLoader("retort-entity-classpath", urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> reader = new ReaderLoader(application).loadClass(type.getName());
            Method call = reader.getDeclaredMethod(method, parameters);
            call.setAccessible(true);
            Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
            all[arguments.length] = application;
            return call.invoke(null, all);
        } catch (InvocationTargetException e) {
            throw failure(e.getCause(), line);
        } catch (LinkageError e) {
            // the reader's own classes link here first, against the application's Jakarta Persistence
            throw failure(e, line);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the entity reader cannot be loaded beside Hibernate " + line.version(), e);
        } catch (IOException e) {
            throw new EntityException("reading entities failed: " + e.getMessage(), e);
        }
    }

    /**
     * The reader's failure as the caller sees it: the class missing beside the application's
     * Hibernate named, or, for a call the reader makes that this Hibernate lacks, one line saying so.
     */
    private static RuntimeException failure(Throwable cause, HibernateLine line) {
        if (cause instanceof RuntimeException runtime) return runtime;
        // the application's Hibernate without its own dependencies beside it, or Jakarta Persistence missing
        if (cause instanceof LinkageError && Causes.missingClass(cause).isPresent())
            return new EntityException.MissingClass(
                    null, Causes.missingClass(cause).get(), cause);
        // measured on 6.5.3, which Retort refuses: it boots, but lacks Column.isIdentity()
        if (cause instanceof LinkageError)
            return new EntityException(
                    "Retort's entity reader does not link against Hibernate ORM " + line.version() + ": " + cause,
                    cause);
        if (cause instanceof Error error) throw error;
        return new EntityException("reading entities failed: " + cause, cause);
    }
}
