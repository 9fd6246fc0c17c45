package dev.retort.entities;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;
import org.hibernate.mapping.Column;

/**
 * The few calls into Hibernate whose form differs between its lines: the reader is compiled
 * against the bundled 7.x and, loaded beside an application's 6.6 ({@link ReaderLoader}), makes
 * 6.x's form of these by name. Measured on the reader's every reference into Hibernate, compiled
 * against 6.6.15, 7.2.19 and 7.4.6: four calls 6.6 lacks in source, one of them also in binary
 * form ({@code Column.getSqlTypeCode}), and JPA 3.2's column options, which 6.x has none of; everything else links as it is. The 7.x forms are in
 * {@link Seven}, which is never linked beside 6.x.
 */
final class LineCalls {
    /** Whether the Hibernate this class links against is 6.x: 7.0 gave the snake-case naming strategy this name. */
    static final boolean SIX = !present("org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl");

    private LineCalls() {}

    /** The snake-case physical naming: 6.x calls it {@code CamelCaseToUnderscoresNamingStrategy}. */
    static PhysicalNamingStrategy snakeCase() {
        if (!SIX) return Seven.snakeCase();
        try {
            return (PhysicalNamingStrategy) type("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw unknown("CamelCaseToUnderscoresNamingStrategy", e);
        }
    }

    /** The validation modes a setting names: 6.x's {@code ValidationMode.getModes}. */
    @SuppressWarnings("unchecked")
    static Set<ValidationMode> validationModes(Object setting) {
        if (!SIX) return Seven.validationModes(setting);
        return (Set<ValidationMode>)
                call(ValidationMode.class, "getModes", new Class<?>[] {Object.class}, null, setting);
    }

    /** A column's JDBC type code: 6.x's {@code getSqlTypeCode(Mapping)}; 7.x takes a {@code MappingContext}, which 6.x lacks. */
    static int sqlTypeCode(Column column, Metadata metadata) {
        if (!SIX) return Seven.sqlTypeCode(column, metadata);
        Class<?> mapping = type("org.hibernate.engine.spi.Mapping");
        return (Integer) call(Column.class, "getSqlTypeCode", new Class<?>[] {mapping}, column, metadata);
    }

    /** JPA 3.2's {@code @Column(options = ...)}: 6.x, on JPA 3.1, has none. */
    static String columnOptions(Column column) {
        return SIX ? null : Seven.columnOptions(column);
    }

    /**
     * The units of one {@code persistence.xml}: 6.x's parser is internal, with another shape, and
     * is given no transaction type, so the file's own is taken.
     */
    @SuppressWarnings("unchecked")
    static Map<String, ? extends PersistenceUnitDescriptor> persistenceUnits(URL file, ClassLoader loader) {
        if (!SIX) return Seven.persistenceUnits(file, loader);
        Class<?> parser = type("org.hibernate.jpa.boot.internal.PersistenceXmlParser");
        Class<?> transactionType = type("jakarta.persistence.spi.PersistenceUnitTransactionType");
        return (Map<String, ? extends PersistenceUnitDescriptor>) call(
                parser, "parse", new Class<?>[] {URL.class, transactionType, Map.class}, null, file, null, Map.of());
    }

    /** Whether the class is there, loaded but not initialised (a lookup of its file is slower on a cold start). */
    private static boolean present(String name) {
        try {
            Class.forName(name, false, Metadata.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name, false, Metadata.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw unknown(name, e);
        }
    }

    private static Object call(Class<?> owner, String name, Class<?>[] parameters, Object target, Object... arguments) {
        Method method;
        try {
            method = owner.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw unknown(owner.getName() + "." + name, e);
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw unknown(owner.getName() + "." + name, e);
        }
    }

    private static IllegalStateException unknown(String what, Exception e) {
        return new IllegalStateException("Hibernate ORM 6's " + what + " is not as Retort knows it", e);
    }

    /** The 7.x forms, called directly: the JVM links this class only when it is first used, never beside 6.x. */
    private static final class Seven {
        private Seven() {}

        static PhysicalNamingStrategy snakeCase() {
            return new PhysicalNamingStrategySnakeCaseImpl();
        }

        static Set<ValidationMode> validationModes(Object setting) {
            return ValidationMode.parseValidationModes(setting);
        }

        static int sqlTypeCode(Column column, Metadata metadata) {
            return column.getSqlTypeCode(metadata);
        }

        static String columnOptions(Column column) {
            return column.getOptions();
        }

        static Map<String, PersistenceUnitDescriptor> persistenceUnits(URL file, ClassLoader loader) {
            return PersistenceXmlParser.create(Map.of(), loader, null).parse(List.of(file));
        }
    }
}
