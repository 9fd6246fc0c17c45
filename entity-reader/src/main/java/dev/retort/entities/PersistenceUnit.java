package dev.retort.entities;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;

/**
 * A persistence unit of a {@code META-INF/persistence.xml} on the entity class path, as Hibernate's
 * own parser reads it: its listed classes, its mapping files (and the unit's default
 * {@code META-INF/orm.xml}), its properties without those that connect or export, and its
 * validation mode.
 */
record PersistenceUnit(
        String name,
        List<String> classNames,
        boolean excludeUnlistedClasses,
        List<String> mappingFiles,
        Map<String, String> properties) {
    static final String KEY = "entities.persistence-unit";
    private static final String XML = "META-INF/persistence.xml";
    private static final String DEFAULT_MAPPING = "META-INF/orm.xml";
    private static final String VALIDATION_MODE = "jakarta.persistence.validation.mode";

    /** The unit of that name; an error naming the units there are when none has it. */
    static PersistenceUnit find(String name, ClassLoader loader) {
        List<URL> files;
        try {
            files = Collections.list(loader.getResources(XML));
        } catch (IOException e) {
            throw new EntityException.BadSetting(KEY, "cannot list " + XML + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new EntityException.BadSetting(KEY, "no " + XML + " on entities.classpath", null);
        TreeSet<String> names = new TreeSet<>();
        for (URL file : files) {
            Map<String, ? extends PersistenceUnitDescriptor> units = parse(file, loader);
            PersistenceUnitDescriptor unit = units.get(name);
            if (unit != null) return of(unit, file, loader);
            names.addAll(units.keySet());
        }
        throw new EntityException.BadSetting(
                KEY,
                "no persistence unit named '" + name + "' in " + files
                        + (names.isEmpty() ? "" : " (units: " + String.join(", ", names) + ")"),
                null);
    }

    private static Map<String, ? extends PersistenceUnitDescriptor> parse(URL file, ClassLoader loader) {
        try {
            return LineCalls.persistenceUnits(file, loader);
        } catch (RuntimeException e) {
            throw new EntityException.BadSetting(KEY, file + " cannot be read: " + Causes.reason(e), e);
        }
    }

    private static PersistenceUnit of(PersistenceUnitDescriptor unit, URL file, ClassLoader loader) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (unit.getValidationMode() != null)
            properties.put(VALIDATION_MODE, unit.getValidationMode().name());
        unit.getProperties().forEach((key, value) -> {
            // the unit was written for a server that connects and exports: that part is not Retort's
            if (!SettingRules.connectsOrExports(key.toString())) properties.put(key.toString(), value.toString());
        });
        List<String> mappingFiles = new ArrayList<>(unit.getMappingFileNames());
        if (!mappingFiles.contains(DEFAULT_MAPPING) && hasDefaultMapping(file)) mappingFiles.add(DEFAULT_MAPPING);
        if (!mappingFiles.isEmpty()) properties.putIfAbsent("hibernate.xml_mapping_enabled", "true");
        return new PersistenceUnit(
                unit.getName(),
                List.copyOf(unit.getManagedClassNames()),
                unit.isExcludeUnlistedClasses(),
                List.copyOf(mappingFiles),
                Collections.unmodifiableMap(properties));
    }

    /** Whether the unit's root (where its persistence.xml is) has a {@code META-INF/orm.xml}. */
    private static boolean hasDefaultMapping(URL persistenceXml) {
        String text = persistenceXml.toString();
        String sibling = text.substring(0, text.length() - XML.length()) + DEFAULT_MAPPING;
        try (InputStream in = URI.create(sibling).toURL().openStream()) {
            return in != null;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
