package dev.retort.cli.startup;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands and options as {@code dev.retort.cli} declares them, read from their annotations. */
final class Commands {
    private Commands() {}

    static Class<?> root() {
        try {
            return Class.forName("dev.retort.cli.RetortCommand");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The subcommands by name, in the order help lists them. */
    static Map<String, Class<?>> subcommands() {
        try {
            Field field = root().getDeclaredField("SUBCOMMANDS");
            field.setAccessible(true);
            Map<String, Class<?>> byName = new LinkedHashMap<>();
            for (Object type : (List<?>) field.get(null)) {
                Class<?> subcommand = (Class<?>) type;
                byName.put(subcommand.getAnnotation(Command.class).name(), subcommand);
            }
            return byName;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static List<Class<?>> subcommandClasses() {
        return new ArrayList<>(subcommands().values());
    }

    /** The names of a command's options (declared on it and its superclasses); with a value, or without one. */
    static Set<String> options(Class<?> command, boolean withValue) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type = command; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                boolean takesValue = field.getType() != boolean.class && field.getType() != Boolean.class;
                if (option != null && takesValue == withValue) names.addAll(Arrays.asList(option.names()));
            }
        }
        return names;
    }

    static Set<String> globalOptions() {
        Set<String> all = new TreeSet<>(options(root(), true));
        all.addAll(options(root(), false));
        return all;
    }
}
