package dev.retort.cli.config;

import dev.retort.FileException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link Settings} from a properties file, the environment and command-line overrides. */
public final class SettingsLoader {
    public static final String DEFAULT_FILE = "retort.properties";
    private static final String ENV_START = "${env:";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private SettingsLoader() {}

    /**
     * @param workDir the working directory
     * @param configFile {@code -c FILE}, or null
     * @param environment the process environment
     * @param overrides keys set on the command line ({@code --url}, {@code -x key=value}, ...)
     */
    public static Settings load(
            Path workDir, String configFile, Map<String, String> environment, Map<String, String> overrides) {
        Optional<Path> file = locate(workDir, configFile, environment);
        Map<String, String> values = new HashMap<>();
        if (file.isPresent()) values.putAll(read(file.get(), environment));
        for (String key : Settings.KEYS) {
            String fromEnvironment = environment.get(Settings.environmentName(key));
            if (fromEnvironment != null)
                values.put(key, expand(fromEnvironment, environment, Settings.environmentName(key)));
        }
        overrides.forEach((key, value) -> {
            if (value != null) values.put(key, expand(value, environment, "option " + key));
        });
        Path base = file.map(f -> f.toAbsolutePath().getParent()).orElse(workDir.toAbsolutePath());
        Settings settings = new Settings(values, base, file);
        // numbers are checked as they are read, so that a wrong one stops every command with one line
        settings.lockTimeout();
        settings.ddlTimeout();
        settings.statementTimeout();
        settings.connectTimeout();
        settings.timeZone();
        return settings;
    }

    private static Optional<Path> locate(Path workDir, String configFile, Map<String, String> environment) {
        String named = configFile != null ? configFile : environment.get("RETORT_CONFIG");
        if (named != null) {
            Path path = workDir.resolve(named);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(
                        path.toString(),
                        "config file " + path + " not found" + (configFile == null ? " (from RETORT_CONFIG)" : ""));
            }
            return Optional.of(path);
        }
        Path path = workDir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private static Map<String, String> read(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), file + ": cannot be read: " + FileException.reason(e));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.toString(), file + ": cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!Settings.isKnown(key)) {
                throw new ConfigException(
                        file + ": " + key,
                        file + ": unknown key '" + key + "' (known: " + String.join(", ", Settings.KEYS) + ", and "
                                + Settings.HIBERNATE_PREFIX + "KEY for a Hibernate setting)");
            }
            values.put(key, expand(properties.getProperty(key).trim(), environment, file + ": " + key));
        }
        return values;
    }

    /** Replaces {@code ${env:NAME}} with the variable's value; an unset variable or a malformed reference is an error. */
    static String expand(String value, Map<String, String> environment, String where) {
        Matcher m = ENV_REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        int searched = 0;
        while (m.find()) {
            malformedBefore(value, searched, m.start(), where);
            searched = m.end();
            String replacement = environment.get(m.group(1));
            if (replacement == null)
                throw new ConfigException(where, where + ": environment variable " + m.group(1) + " is not set");
            m.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        malformedBefore(value, searched, value.length(), where);
        return m.appendTail(expanded).toString();
    }

    /** A {@code ${env:} between two well-formed references: unclosed, or with an empty or invalid name. */
    private static void malformedBefore(String value, int from, int to, String where) {
        int start = value.substring(0, to).indexOf(ENV_START, from);
        if (start < 0) return;
        // the reference itself is not shown: a value may be a password
        String problem = value.indexOf('}', start) < 0
                ? "has no closing }"
                : "needs a name of letters, digits and underscores, not starting with a digit";
        throw new ConfigException(where, where + ": malformed ${env:NAME} reference: it " + problem);
    }
}
