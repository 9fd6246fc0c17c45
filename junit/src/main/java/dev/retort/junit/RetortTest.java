package dev.retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers {@link RetortExtension} on a test class, configured by these attributes: the class's tests
 * may then take a {@link RetortChecks} parameter, and a class that implements {@link RetortContract}
 * runs its four named tests. Where the database is comes from {@link #url()} and {@link #user()}, or,
 * when they are empty, from the JUnit configuration parameters {@code retort.test.url} and
 * {@code retort.test.user} (a system property or {@code junit-platform.properties}); the password only
 * ever from {@code retort.test.password}, so that none is written in a test's source.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RetortExtension.class)
public @interface RetortTest {
    /** The JDBC URL of a PostgreSQL or MariaDB server (or database) where the checks may create scratch databases. */
    String url() default "";

    String user() default "";

    /** The package the migrations are compiled into (sub-packages included), on the test's class path. */
    String migrationsPackage() default "";

    /** A folder of migration {@code .java} files, relative to the working directory, instead of a package. */
    String migrationsDirectory() default "";

    /** The packages of the entities (sub-packages included); none: {@code entitiesMatchMigrations} fails saying so. */
    String[] entityPackages() default {};

    /** Where the entities are, when not on the test's own class path: directories and jars. */
    String[] entityClasspath() default {};

    /** {@code jpa}, {@code snake}, {@code spring} or a naming strategy's class name, as {@code entities.naming}. */
    String naming() default "jpa";

    /** The schemas the migrations work in, the default one first; on MariaDB only the default, the database's own. */
    String[] schemas() default {"public"};

    /**
     * Whether each check runs on a scratch database it creates on the server and drops after (the
     * default), or on the database the URL names, as it is.
     */
    boolean scratchDatabase() default true;
}
