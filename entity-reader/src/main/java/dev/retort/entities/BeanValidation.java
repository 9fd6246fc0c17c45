package dev.retort.entities;

import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;

/**
 * Bean Validation applied to the boot metamodel exactly when and as Hibernate's own
 * {@code BeanValidationIntegrator} applies it while building a session factory: unless
 * {@code jakarta.persistence.validation.mode} is {@code none}, with a provider on the entity class
 * path (found through the thread's context class loader, as Hibernate finds it), and, for
 * {@code auto} and {@code ddl} with {@code hibernate.validator.apply_to_ddl} (default true), through
 * Hibernate's {@code TypeSafeActivator}, which writes the constraints into the mapping:
 * {@code @NotNull} and its kin make columns NOT NULL, {@code @Size} sets lengths, {@code @Min},
 * {@code @Max} and {@code @Digits} add checks and precision.
 */
final class BeanValidation {
    static final String MODE = "jakarta.persistence.validation.mode";
    static final String APPLY_TO_DDL = "hibernate.validator.apply_to_ddl";
    private static final String VALIDATION = "jakarta.validation.Validation";
    private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

    private BeanValidation() {}

    static void apply(MetadataImplementor metadata, StandardServiceRegistry registry) {
        ConfigurationService configuration = registry.requireService(ConfigurationService.class);
        Set<ValidationMode> modes;
        try {
            Object setting = configuration.getSettings().get(MODE);
            modes = LineCalls.validationModes(setting);
        } catch (RuntimeException e) {
            throw new EntityException.BadSetting(MODE, Causes.reason(e), e);
        }
        if (modes.contains(ValidationMode.NONE)) return;
        if (!apiPresent()) {
            // as Hibernate's own integrator: nothing to apply without the API, unless a mode demands it
            if (modes.contains(ValidationMode.DDL) || modes.contains(ValidationMode.CALLBACK)) {
                throw new EntityException.BadSetting(
                        MODE,
                        names(modes) + " needs the Bean Validation API (jakarta.validation) and a provider"
                                + " (Hibernate Validator) on entities.classpath, and there is neither",
                        null);
            }
            return;
        }
        Provider.apply(modes, metadata, configuration, registry);
    }

    /**
     * Whether the Bean Validation API links here: always beside the bundled Hibernate, which Retort
     * ships with the API; beside the application's own, only when its class path holds it.
     */
    private static boolean apiPresent() {
        try {
            Class.forName(VALIDATION, false, BeanValidation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The modes as they are written in the setting: {@code ddl}, {@code callback,ddl}. */
    private static String names(Set<ValidationMode> modes) {
        return modes.stream()
                .map(mode -> mode.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** What needs the Bean Validation API, apart, so that nothing links it before {@link #apiPresent} says it is there. */
    private static final class Provider {
        private Provider() {}

        static void apply(
                Set<ValidationMode> modes,
                MetadataImplementor metadata,
                ConfigurationService configuration,
                StandardServiceRegistry registry) {
            ValidatorFactory factory = factory(modes);
            if (factory == null) return;
            try (factory) {
                boolean toDdl = configuration.getSetting(APPLY_TO_DDL, StandardConverters.BOOLEAN, true);
                if (toDdl && (modes.contains(ValidationMode.AUTO) || modes.contains(ValidationMode.DDL))) {
                    applyRelationalConstraints(factory, metadata, configuration.getSettings(), registry);
                }
            }
        }

        /**
         * The default validator factory; null when there is no provider and the mode is {@code auto}
         * (Hibernate then skips Bean Validation), an error when {@code ddl} or {@code callback} asks for
         * one or the provider fails.
         */
        private static ValidatorFactory factory(Set<ValidationMode> modes) {
            try {
                return Validation.buildDefaultValidatorFactory();
            } catch (NoProviderFoundException e) {
                if (modes.contains(ValidationMode.DDL) || modes.contains(ValidationMode.CALLBACK)) {
                    throw new EntityException.BadSetting(
                            MODE,
                            names(modes) + " needs a Bean Validation provider (Hibernate Validator) on"
                                    + " entities.classpath, and there is none",
                            e);
                }
                return null;
            } catch (RuntimeException | LinkageError e) {
                throw new EntityException.BadSetting(
                        "Bean Validation",
                        "the validator factory on entities.classpath cannot be built (Hibernate Validator"
                                + " needs a Jakarta Expression Language implementation such as Expressly beside it): "
                                + Causes.reason(e),
                        e);
            }
        }

        /** Hibernate's own code: its activator is internal, so it is called by name. */
        private static void applyRelationalConstraints(
                ValidatorFactory factory,
                MetadataImplementor metadata,
                Map<String, Object> settings,
                StandardServiceRegistry registry) {
            ClassLoaderAccess classes =
                    new ClassLoaderAccessImpl(null, registry.requireService(ClassLoaderService.class));
            try {
                Method apply = Class.forName(ACTIVATOR, true, MetadataImplementor.class.getClassLoader())
                        .getMethod(
                                "applyRelationalConstraints",
                                ValidatorFactory.class,
                                Collection.class,
                                Map.class,
                                Dialect.class,
                                ClassLoaderAccess.class);
                apply.setAccessible(true);
                apply.invoke(
                        null,
                        factory,
                        metadata.getEntityBindings(),
                        settings,
                        metadata.getDatabase().getDialect(),
                        classes);
            } catch (InvocationTargetException e) {
                throw new EntityException(
                        "Bean Validation: Hibernate could not apply the constraints: " + Causes.reason(e.getCause()),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Hibernate's " + ACTIVATOR + " is not as Retort knows it", e);
            }
        }
    }
}
