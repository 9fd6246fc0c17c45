package dev.retort.cli.config;

import dev.retort.FileException;
import dev.retort.entities.HibernateSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a Spring Boot application's {@code application.properties} or {@code application.yml}
 * ({@code entities.spring-config}) tells its Hibernate: the {@code spring.jpa.properties.*} settings
 * and the {@code spring.jpa.hibernate.naming} strategies. Read as Spring Boot reads the file (a
 * properties file in ISO 8859-1, YAML in UTF-8 with SnakeYAML's safe constructor, which builds only
 * maps, lists and scalars); of several documents ({@code ---}, or {@code #---} in a properties file)
 * those activated by a profile are left out, and later ones win, as without an active profile.
 */
final class SpringConfig {
    static final String PROPERTIES = "spring.jpa.properties.";
    static final String PHYSICAL = "spring.jpa.hibernate.naming.physical-strategy";
    static final String IMPLICIT = "spring.jpa.hibernate.naming.implicit-strategy";
    private static final List<String> PROFILE_KEYS = List.of("spring.config.activate.on-profile", "spring.profiles");

    private final Path file;
    /** Each key as Spring Boot's relaxed binding names it, with its value as written. */
    private final Map<String, String> values;

    /** The profile-activated documents left out, by number (1 for the first). */
    private final List<Integer> profileDocuments;

    private SpringConfig(Path file, Map<String, String> values, List<Integer> profileDocuments) {
        this.file = file;
        this.values = values;
        this.profileDocuments = profileDocuments;
    }

    static SpringConfig read(Path file) {
        if (!Files.isRegularFile(file))
            throw new ConfigException("entities.spring-config", "entities.spring-config: " + file + " not found");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Map<String, String>> documents;
        if (name.endsWith(".properties")) documents = properties(file);
        else if (name.endsWith(".yml") || name.endsWith(".yaml")) documents = yaml(file);
        else {
            throw new ConfigException(
                    "entities.spring-config",
                    "entities.spring-config: " + file + " is neither a .properties nor a .yml/.yaml file");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Integer> skipped = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Map<String, String> document = documents.get(i);
            if (PROFILE_KEYS.stream().anyMatch(document::containsKey)) skipped.add(i + 1);
            else values.putAll(document);
        }
        return new SpringConfig(file, values, skipped);
    }

    Path file() {
        return file;
    }

    List<Integer> profileDocuments() {
        return profileDocuments;
    }

    /** The {@code spring.jpa.properties.*} settings, keyed as Hibernate reads them, in key order. */
    Map<String, String> hibernateSettings() {
        Map<String, String> settings = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(PROPERTIES) && key.length() > PROPERTIES.length())
                settings.put(key.substring(PROPERTIES.length()), value);
        });
        return settings;
    }

    /** The class name {@code spring.jpa.hibernate.naming.physical-strategy} gives, or null. */
    String physicalStrategy() {
        return naming(PHYSICAL);
    }

    /** The class name {@code spring.jpa.hibernate.naming.implicit-strategy} gives, or null. */
    String implicitStrategy() {
        return naming(IMPLICIT);
    }

    /** A naming key in any of Spring Boot's relaxed spellings ({@code physical-strategy}, {@code physicalStrategy}, {@code physical_strategy}). */
    private String naming(String canonical) {
        String wanted = relaxed(canonical);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (relaxed(entry.getKey()).equals(wanted) && !entry.getValue().isBlank())
                return entry.getValue().trim();
        }
        return null;
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * What the file gives once Retort's own keys have had their say: the Hibernate settings that no
     * {@code entities.properties.KEY} or {@code entities.properties-file} gives (nor any that would
     * connect or export, or that is no Hibernate setting), the naming classes when {@code entities.naming}
     * is not set (null for Spring Boot's default half), and for {@code check -v} where each came from.
     */
    Applied apply(Set<String> ownSettings, String ownNaming) {
        Map<String, String> taken = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        String where = "Spring config " + file + ": ";
        hibernateSettings().forEach((key, value) -> {
            String from = PROPERTIES + key;
            String problem = HibernateSettings.problem(key);
            if (ownSettings.contains(key)) notes.add(where + from + " left to Retort's own " + key);
            else if (problem != null) notes.add(where + from + " left out: " + problem);
            else if (value.contains("${")) {
                notes.add(where + from + " left out: its value holds a placeholder, which Retort does not resolve"
                        + " (give it with entities.properties." + key + ")");
            } else {
                taken.put(key, value);
                notes.add(where + key + " = " + value + " from " + from);
            }
        });
        String physical = null;
        String implicit = null;
        if (ownNaming != null) {
            notes.add(where + "naming left to Retort's own entities.naming = " + ownNaming);
        } else {
            physical = physicalStrategy();
            implicit = implicitStrategy();
            notes.add(where + "physical naming " + origin(physical, PHYSICAL, "CamelCaseToUnderscoresNamingStrategy"));
            notes.add(where + "implicit naming " + origin(implicit, IMPLICIT, "SpringImplicitNamingStrategy"));
        }
        for (int document : profileDocuments)
            notes.add(where + "document " + document + " left out: it is activated by a profile");
        return new Applied(taken, physical, implicit, notes);
    }

    private static String origin(String className, String key, String springDefault) {
        return className != null
                ? className + " from " + key
                : "Spring Boot's default, " + springDefault + " (no " + key + ")";
    }

    /** The settings and naming a Spring config gives, and the lines {@code check -v} prints about them. */
    record Applied(Map<String, String> settings, String physical, String implicit, List<String> notes) {}

    private static List<Map<String, String>> properties(Path file) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw unreadable(file, FileException.reason(e));
        }
        List<Map<String, String>> documents = new ArrayList<>();
        for (String part : text.split("(?m)^[#!]---[ \\t]*\\R")) {
            Properties properties = new Properties();
            try {
                properties.load(new java.io.StringReader(part));
            } catch (IOException | IllegalArgumentException e) {
                throw unreadable(file, e.getMessage());
            }
            Map<String, String> document = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames())
                document.put(bracketsAsDots(key), properties.getProperty(key).trim());
            documents.add(document);
        }
        return documents;
    }

    private static List<Map<String, String>> yaml(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, String>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : yaml.loadAll(reader)) {
                Map<String, String> flat = new LinkedHashMap<>();
                if (document instanceof Map<?, ?> map) flatten("", map, flat);
                else if (document != null) throw unreadable(file, "a document is not a map of keys");
                documents.add(flat);
            }
        } catch (MarkedYAMLException e) {
            throw unreadable(
                    file, e.getProblem() + " (line " + (e.getProblemMark().getLine() + 1) + ")");
        } catch (YAMLException e) {
            throw unreadable(file, e.getMessage());
        } catch (IOException e) {
            throw unreadable(file, FileException.reason(e));
        }
        return documents;
    }

    /** Nested maps as dotted keys, lists as {@code key[0]}; a key written {@code [a.b]} keeps its dots. */
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.startsWith("[") && key.endsWith("]")) key = key.substring(1, key.length() - 1);
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), into);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) flatten(prefix + "[" + i + "]", list.get(i), into);
        } else {
            into.put(bracketsAsDots(prefix), value == null ? "" : String.valueOf(value));
        }
    }

    /** {@code spring.jpa.properties[hibernate.x]} as {@code spring.jpa.properties.hibernate.x}. */
    private static String bracketsAsDots(String key) {
        return key.replaceAll("\\[([^\\]\\d][^\\]]*)]", ".$1");
    }

    private static ConfigException unreadable(Path file, String why) {
        return new ConfigException(
                "entities.spring-config", "entities.spring-config: " + file + ": cannot be read: " + why);
    }
}
